package org.hamkke.incubation.matching;

import java.util.Comparator;
import java.util.List;

/**
 * The mentors offered for one venture, best first: what a staff member sees when placing a single
 * venture by hand. Excluded mentors are left out (a page that wants to say why asks
 * {@link MatchScore#exclusion}).
 */
public final class Ranking {

    /**
     * Highest score first; on equal scores the mentor with more places left (spreading the load),
     * then the lower mentor id, so the same data always gives the same list and a page can explain
     * any two neighbours.
     */
    static final Comparator<Ranked> ORDER = Comparator.comparingInt((Ranked r) -> r.score().total())
            .reversed()
            .thenComparing(Comparator.comparingInt((Ranked r) -> r.mentor().placesLeft()).reversed())
            .thenComparingLong(r -> r.mentor().mentorId());

    private Ranking() {}

    public static List<Ranked> rank(VentureNeeds venture, List<MentorCandidate> mentors, Weights weights) {
        return mentors.stream()
                .filter(mentor -> MatchScore.exclusion(venture, mentor).isEmpty())
                .map(mentor -> new Ranked(mentor, MatchScore.score(venture, mentor, weights)))
                .sorted(ORDER)
                .toList();
    }
}
