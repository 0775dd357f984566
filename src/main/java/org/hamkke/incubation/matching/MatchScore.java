package org.hamkke.incubation.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How well a mentor fits a venture, as a transparent integer: the sum of four parts, each given as
 * a {@link Reason} that a page shows line by line, so staff can check every point.
 *
 * <ul>
 *   <li>language: the whole language weight when they share a language, nothing otherwise;
 *   <li>needs: the needs weight times the share of the venture's needs the mentor's expertise covers;
 *   <li>region: the whole region weight when the venture wants to meet in person and the mentor
 *       meets in person in the same region; a venture that is happy online asks nothing here, so
 *       no mentor earns or loses points for it;
 *   <li>capacity: the capacity weight times the share of the mentor's places still free, so a
 *       mentor with room is preferred to one about to be full.
 * </ul>
 *
 * <p>Shares are rounded half up to whole points. Tags, languages and regions are compared
 * ignoring case (in the root locale, so "INFO" and "info" match on every server); the values shown
 * keep the venture's spelling, sorted ignoring case. The score does not look at exclusions: a
 * conflicted mentor still has a score, {@link #exclusion} is what keeps them from being offered.
 */
public final class MatchScore {

    /** {0} needs covered of {1}: {2} (the covered tags). */
    public static final String NEEDS = "matching.reason.needs";
    /** The venture lists no needs, so no mentor earns the needs' points. */
    public static final String NO_NEEDS = "matching.reason.noNeeds";
    /** Speaks {0} (the shared languages). */
    public static final String LANGUAGE = "matching.reason.language";
    /** No language in common. */
    public static final String NO_LANGUAGE = "matching.reason.noLanguage";
    /** Meets in person in {0} (the region). */
    public static final String REGION = "matching.reason.region";
    /** Meets in person, but in {0} (the mentor's region), not in the venture's. */
    public static final String OTHER_REGION = "matching.reason.otherRegion";
    /** The venture wants to meet in person; the mentor works online only. */
    public static final String ONLINE_ONLY = "matching.reason.onlineOnly";
    /** {0} places left of {1}. */
    public static final String CAPACITY = "matching.reason.capacity";

    private static final Comparator<String> SHOWN_ORDER =
            String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    private MatchScore() {}

    /**
     * Why the mentor may not be offered for the venture, or empty when they may. When several
     * reasons hold, the one given is the one staff cannot lift by raising the mentor's cap: a
     * conflict, then unavailability, then a full cap (a page that said "at cap" for a conflicted
     * mentor would send staff to raise a cap for nothing).
     */
    public static Optional<Exclusion> exclusion(VentureNeeds venture, MentorCandidate mentor) {
        if (mentor.conflictVentureIds().contains(venture.ventureId())) {
            return Optional.of(Exclusion.CONFLICT);
        }
        if (!mentor.available()) {
            return Optional.of(Exclusion.UNAVAILABLE);
        }
        if (mentor.placesLeft() == 0) {
            return Optional.of(Exclusion.AT_CAP);
        }
        return Optional.empty();
    }

    /** The pair's score, part by part: language, needs, region (when it counts), capacity. */
    public static Score score(VentureNeeds venture, MentorCandidate mentor, Weights weights) {
        List<Reason> reasons = new ArrayList<>(4);

        List<String> languages = shared(venture.languages(), mentor.languages());
        reasons.add(languages.isEmpty()
                ? new Reason(NO_LANGUAGE, 0, List.of())
                : new Reason(LANGUAGE, languagePoints(weights, true), List.of(String.join(", ", languages))));

        int needs = fold(venture.needs()).size();
        if (needs == 0) {
            reasons.add(new Reason(NO_NEEDS, 0, List.of()));
        } else {
            List<String> covered = shared(venture.needs(), mentor.expertise());
            reasons.add(new Reason(NEEDS, needsPoints(weights, covered.size(), needs), List.of(
                    Integer.toString(covered.size()), Integer.toString(needs), String.join(", ", covered))));
        }

        if (venture.wantsInPerson()) {
            int points = regionPoints(venture, mentor, weights);
            if (!mentor.mode().meetsInPerson()) {
                reasons.add(new Reason(ONLINE_ONLY, 0, List.of()));
            } else if (sameRegion(venture, mentor)) {
                reasons.add(new Reason(REGION, points, List.of(venture.region())));
            } else {
                reasons.add(new Reason(OTHER_REGION, 0, List.of(mentor.region() == null ? "" : mentor.region())));
            }
        }

        reasons.add(new Reason(CAPACITY, capacityPoints(mentor, weights), List.of(
                Integer.toString(mentor.placesLeft()), Integer.toString(mentor.cap()))));

        return new Score(reasons.stream().mapToInt(Reason::points).sum(), reasons);
    }

    /**
     * A side's tags and languages folded to lower case. The round matcher scores every venture
     * against every mentor; folding once per side rather than once per pair keeps that loop free
     * of string work.
     */
    record Folded(Set<String> tags, Set<String> languages) {

        static Folded of(VentureNeeds venture) {
            return new Folded(fold(venture.needs()), fold(venture.languages()));
        }

        static Folded of(MentorCandidate mentor) {
            return new Folded(fold(mentor.expertise()), fold(mentor.languages()));
        }
    }

    /**
     * The same total as {@code score(venture, mentor, weights).total()}, without the reasons: the
     * same four point rules below serve both, and MatchScoreTest holds the two equal.
     */
    static int total(VentureNeeds venture, Folded v, MentorCandidate mentor, Folded m, Weights weights) {
        int covered = 0;
        for (String need : v.tags()) {
            if (m.tags().contains(need)) {
                covered++;
            }
        }
        boolean sharesLanguage = false;
        for (String language : v.languages()) {
            if (m.languages().contains(language)) {
                sharesLanguage = true;
                break;
            }
        }
        return languagePoints(weights, sharesLanguage)
                + needsPoints(weights, covered, v.tags().size())
                + regionPoints(venture, mentor, weights)
                + capacityPoints(mentor, weights);
    }

    private static int languagePoints(Weights weights, boolean sharesLanguage) {
        return sharesLanguage ? weights.language() : 0;
    }

    private static int needsPoints(Weights weights, int covered, int needs) {
        return needs == 0 ? 0 : roundedShare(weights.needs(), covered, needs);
    }

    private static int regionPoints(VentureNeeds venture, MentorCandidate mentor, Weights weights) {
        boolean counts = venture.wantsInPerson() && mentor.mode().meetsInPerson() && sameRegion(venture, mentor);
        return counts ? weights.region() : 0;
    }

    /** A mentor with no cap has no places either; they are excluded, and their share is 0, not a division by zero. */
    private static int capacityPoints(MentorCandidate mentor, Weights weights) {
        return mentor.cap() == 0 ? 0 : roundedShare(weights.capacity(), mentor.placesLeft(), mentor.cap());
    }

    private static boolean sameRegion(VentureNeeds venture, MentorCandidate mentor) {
        return venture.region() != null && venture.region().equalsIgnoreCase(mentor.region());
    }

    /** weight * part / whole rounded half up, in integers (all three are small and non-negative). */
    private static int roundedShare(int weight, int part, int whole) {
        return (2 * weight * part + whole) / (2 * whole);
    }

    /** The venture's values that the mentor's set holds too, ignoring case, each once, in the venture's spelling. */
    private static List<String> shared(Set<String> venture, Set<String> mentor) {
        Set<String> mentorFolded = fold(mentor);
        Set<String> seen = new HashSet<>();
        return venture.stream()
                .sorted(SHOWN_ORDER)
                .filter(value -> mentorFolded.contains(lower(value)) && seen.add(lower(value)))
                .toList();
    }

    static Set<String> fold(Set<String> values) {
        Set<String> folded = HashSet.newHashSet(values.size());
        for (String value : values) {
            folded.add(lower(value));
        }
        return Set.copyOf(folded);
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
