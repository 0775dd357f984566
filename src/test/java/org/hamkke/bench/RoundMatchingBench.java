package org.hamkke.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.hamkke.incubation.matching.MentorCandidate;
import org.hamkke.incubation.matching.Mode;
import org.hamkke.incubation.matching.Proposal;
import org.hamkke.incubation.matching.RoundMatcher;
import org.hamkke.incubation.matching.VentureNeeds;
import org.hamkke.incubation.matching.Weights;

/**
 * How long RoundMatcher takes for a large incubation round: 500 ventures and 100 mentors (about
 * 50,000 pairs to score and weigh). Plain Java, no stack needed; run with docs/bench/matching.sh.
 *
 * <p>The round is seeded, so every run matches the same data: mentors with caps of 1 to 8 and up
 * to half of it taken, 9 in 10 available, each in conflict with one or two ventures; ventures with 2-4
 * needs of 10 tags, 1-3 languages of 5, one of 8 regions, half of them wanting to meet in person.
 * Five warm-up runs let the JIT compile the loops, then ten timed runs.
 */
public final class RoundMatchingBench {

    private static final List<String> TAGS = List.of(
            "finance", "legal", "marketing", "governance", "sales", "export", "hr", "digital", "impact", "fundraising");
    private static final List<String> LANGUAGES = List.of("ko", "en", "fr", "ar", "id");
    private static final List<String> REGIONS = List.of("Seoul", "Busan", "Incheon", "Daegu", "Gwangju", "Daejeon", "Ulsan", "Jeju");

    public static void main(String[] args) {
        int ventureCount = Integer.getInteger("ventures", 500);
        int mentorCount = Integer.getInteger("mentors", 100);
        Random random = new Random(Long.getLong("seed", 2025L));

        List<VentureNeeds> ventures = new ArrayList<>();
        for (long id = 1; id <= ventureCount; id++) {
            ventures.add(new VentureNeeds(id, "Venture " + id, pick(random, TAGS, 2 + random.nextInt(3)),
                    pick(random, LANGUAGES, 1 + random.nextInt(3)), REGIONS.get(random.nextInt(REGIONS.size())),
                    random.nextBoolean()));
        }
        List<MentorCandidate> mentors = new ArrayList<>();
        int places = 0;
        for (long id = 1; id <= mentorCount; id++) {
            int cap = 1 + random.nextInt(8);
            int active = random.nextInt(cap / 2 + 1);
            boolean available = random.nextInt(10) != 0;
            Set<Long> conflicts = new HashSet<>();
            conflicts.add(1L + random.nextInt(ventureCount));
            conflicts.add(1L + random.nextInt(ventureCount));
            mentors.add(new MentorCandidate(id, "Mentor " + id, pick(random, TAGS, 2 + random.nextInt(4)),
                    pick(random, LANGUAGES, 1 + random.nextInt(3)), REGIONS.get(random.nextInt(REGIONS.size())),
                    Mode.values()[random.nextInt(Mode.values().length)], cap, active, available, conflicts));
            places += available ? cap - active : 0;
        }
        System.out.printf("%d ventures, %d mentors, %d places open, %d pairs%n",
                ventureCount, mentorCount, places, (long) ventureCount * mentorCount);

        Proposal proposal = null;
        for (int i = 0; i < 5; i++) {
            proposal = RoundMatcher.propose(ventures, mentors, Weights.DEFAULT);
        }
        double[] millis = new double[10];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            proposal = RoundMatcher.propose(ventures, mentors, Weights.DEFAULT);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("propose: min %.1f ms, median %.1f ms, max %.1f ms (10 runs after 5 warm-ups)%n",
                millis[0], (millis[4] + millis[5]) / 2, millis[millis.length - 1]);
        System.out.printf("placed %d of %d, total score %d (mean %.1f per pair), unplaced %d%n",
                proposal.pairs().size(), ventureCount, proposal.totalScore(),
                proposal.pairs().isEmpty() ? 0.0 : (double) proposal.totalScore() / proposal.pairs().size(),
                proposal.unplaced().size());
    }

    private static Set<String> pick(Random random, List<String> from, int count) {
        Set<String> picked = new HashSet<>();
        while (picked.size() < count) {
            picked.add(from.get(random.nextInt(from.size())));
        }
        return picked;
    }
}
