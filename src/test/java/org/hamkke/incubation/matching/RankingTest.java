package org.hamkke.incubation.matching;

import static org.hamkke.incubation.matching.MatchingFixtures.conflictedWith;
import static org.hamkke.incubation.matching.MatchingFixtures.load;
import static org.hamkke.incubation.matching.MatchingFixtures.mentor;
import static org.hamkke.incubation.matching.MatchingFixtures.unavailable;
import static org.hamkke.incubation.matching.MatchingFixtures.venture;
import static org.hamkke.incubation.matching.MatchingFixtures.withExpertise;
import static org.hamkke.incubation.matching.MatchingFixtures.withLanguages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RankingTest {

    private static List<Long> ids(List<Ranked> ranked) {
        return ranked.stream().map(r -> r.mentor().mentorId()).toList();
    }

    @Test
    void highestScoreFirstWithEachMentorsScore() {
        MentorCandidate best = mentor(1);
        MentorCandidate noLanguage = withLanguages(mentor(2), "fr");
        MentorCandidate halfNeeds = withExpertise(mentor(3), "finance");

        List<Ranked> ranked = Ranking.rank(venture(100), List.of(noLanguage, halfNeeds, best), Weights.DEFAULT);

        assertEquals(List.of(1L, 3L, 2L), ids(ranked));
        assertEquals(List.of(100, 85, 60), ranked.stream().map(r -> r.score().total()).toList());
        assertEquals(MatchScore.score(venture(100), halfNeeds, Weights.DEFAULT), ranked.get(1).score());
    }

    @Test
    void excludedMentorsAreLeftOut() {
        List<Ranked> ranked = Ranking.rank(venture(100), List.of(
                mentor(1), load(mentor(2), 2, 2), conflictedWith(mentor(3), 100L), unavailable(mentor(4)),
                conflictedWith(mentor(5), 200L)), Weights.DEFAULT);

        assertEquals(List.of(1L, 5L), ids(ranked));
    }

    @Test
    void onEqualScoresMorePlacesLeftThenTheLowerId() {
        // Capacity's weight 0, so the load does not change the score: only the tie-break sees it.
        Weights noCapacity = new Weights(40, 30, 20, 0);
        List<Ranked> ranked = Ranking.rank(venture(100), List.of(
                load(mentor(4), 3, 2), load(mentor(3), 5, 0), load(mentor(2), 3, 2), load(mentor(1), 8, 5)), noCapacity);

        assertEquals(List.of(3L, 1L, 2L, 4L), ids(ranked));
    }

    @Test
    void theOrderDoesNotDependOnTheOrderMentorsAreGiven() {
        Random random = new Random(7);
        List<MentorCandidate> mentors = new ArrayList<>();
        for (long id = 1; id <= 40; id++) {
            mentors.add(MatchingFixtures.randomMentor(random, id, 4, 3));
        }
        VentureNeeds v = MatchingFixtures.randomVenture(random, 2);
        List<Ranked> first = Ranking.rank(v, mentors, Weights.DEFAULT);
        Collections.shuffle(mentors, random);
        assertEquals(first, Ranking.rank(v, mentors, Weights.DEFAULT));
        for (int i = 1; i < first.size(); i++) {
            assertTrue(Ranking.ORDER.compare(first.get(i - 1), first.get(i)) < 0);
        }
    }

    @Test
    void noMentorsNoneRanked() {
        assertEquals(List.of(), Ranking.rank(venture(1), List.of(), Weights.DEFAULT));
    }
}
