package org.hamkke.incubation.matching;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/** Mentors and ventures for the matching tests: a readable default, changed one field at a time. */
final class MatchingFixtures {

    static final List<String> TAGS = List.of(
            "finance", "legal", "marketing", "governance", "sales", "export", "hr", "digital", "impact", "fundraising");
    static final List<String> LANGUAGES = List.of("ko", "en", "fr", "ar", "id");
    static final List<String> REGIONS = List.of("Seoul", "Busan", "Incheon", "Daegu", "Gwangju", "Daejeon", "Ulsan", "Jeju");

    private MatchingFixtures() {}

    static MentorCandidate mentor(long id) {
        return new MentorCandidate(id, "Mentor " + id, Set.of("finance", "legal"), Set.of("ko"), "Seoul", Mode.BOTH, 4, 0, true,
                Set.of());
    }

    static VentureNeeds venture(long id) {
        return new VentureNeeds(id, "Venture " + id, Set.of("finance", "legal"), Set.of("ko"), "Seoul", true);
    }

    static MentorCandidate withExpertise(MentorCandidate m, String... tags) {
        return new MentorCandidate(m.mentorId(), m.name(), Set.of(tags), m.languages(), m.region(), m.mode(), m.cap(), m.active(),
                m.available(), m.conflictVentureIds());
    }

    static MentorCandidate withLanguages(MentorCandidate m, String... languages) {
        return new MentorCandidate(m.mentorId(), m.name(), m.expertise(), Set.of(languages), m.region(), m.mode(), m.cap(),
                m.active(), m.available(), m.conflictVentureIds());
    }

    static MentorCandidate where(MentorCandidate m, String region, Mode mode) {
        return new MentorCandidate(m.mentorId(), m.name(), m.expertise(), m.languages(), region, mode, m.cap(), m.active(),
                m.available(), m.conflictVentureIds());
    }

    static MentorCandidate load(MentorCandidate m, int cap, int active) {
        return new MentorCandidate(m.mentorId(), m.name(), m.expertise(), m.languages(), m.region(), m.mode(), cap, active,
                m.available(), m.conflictVentureIds());
    }

    static MentorCandidate unavailable(MentorCandidate m) {
        return new MentorCandidate(m.mentorId(), m.name(), m.expertise(), m.languages(), m.region(), m.mode(), m.cap(), m.active(),
                false, m.conflictVentureIds());
    }

    static MentorCandidate conflictedWith(MentorCandidate m, Long... ventureIds) {
        return new MentorCandidate(m.mentorId(), m.name(), m.expertise(), m.languages(), m.region(), m.mode(), m.cap(), m.active(),
                m.available(), Set.of(ventureIds));
    }

    static VentureNeeds needing(VentureNeeds v, String... needs) {
        return new VentureNeeds(v.ventureId(), v.name(), Set.of(needs), v.languages(), v.region(), v.wantsInPerson());
    }

    static VentureNeeds speaking(VentureNeeds v, String... languages) {
        return new VentureNeeds(v.ventureId(), v.name(), v.needs(), Set.of(languages), v.region(), v.wantsInPerson());
    }

    static VentureNeeds meeting(VentureNeeds v, String region, boolean wantsInPerson) {
        return new VentureNeeds(v.ventureId(), v.name(), v.needs(), v.languages(), region, wantsInPerson);
    }

    /** A venture as a round brings them: 2-4 needs of ten, 1-3 languages of five, one of eight regions. */
    static VentureNeeds randomVenture(Random random, long id) {
        return new VentureNeeds(id, "Venture " + id, pick(random, TAGS, 2 + random.nextInt(3)),
                pick(random, LANGUAGES, 1 + random.nextInt(3)), REGIONS.get(random.nextInt(REGIONS.size())), random.nextBoolean());
    }

    /** A mentor as a round brings them, with some active ventures and the odd conflict or pause. */
    static MentorCandidate randomMentor(Random random, long id, int maxCap, long ventures) {
        int cap = random.nextInt(maxCap + 1);
        Set<Long> conflicts = new HashSet<>();
        for (long v = 1; v <= ventures; v++) {
            if (random.nextInt(6) == 0) {
                conflicts.add(v);
            }
        }
        return new MentorCandidate(id, "Mentor " + id, pick(random, TAGS, 2 + random.nextInt(4)),
                pick(random, LANGUAGES, 1 + random.nextInt(3)), REGIONS.get(random.nextInt(REGIONS.size())),
                Mode.values()[random.nextInt(3)], cap, cap == 0 ? 0 : random.nextInt(cap), random.nextInt(8) != 0, conflicts);
    }

    private static Set<String> pick(Random random, List<String> from, int count) {
        Set<String> picked = new HashSet<>();
        while (picked.size() < count) {
            String value = from.get(random.nextInt(from.size()));
            // Some upper case, as staff type it: the comparisons must not care.
            picked.add(random.nextInt(4) == 0 ? value.toUpperCase(Locale.ROOT) : value);
        }
        return picked;
    }
}
