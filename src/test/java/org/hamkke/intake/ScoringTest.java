package org.hamkke.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.util.List;
import java.util.Map;
import org.hamkke.intake.Scoring.Criterion;
import org.hamkke.intake.Scoring.Review;
import org.hamkke.intake.Scoring.Summary;
import org.junit.jupiter.api.Test;

class ScoringTest {

    private static final List<Criterion> RUBRIC = List.of(
            new Criterion("impact", 3, 5), new Criterion("governance", 1, 5));

    private static Map<String, Integer> scores(int impact, int governance) {
        return Map.of("impact", impact, "governance", governance);
    }

    @Test
    void weightedScoreIsTheWeightedShareOfEachMaximum() {
        assertEquals(100, Scoring.weighted(RUBRIC, scores(5, 5)), 1e-9);
        assertEquals(0, Scoring.weighted(RUBRIC, scores(0, 0)), 1e-9);
        // (3 * 4/5 + 1 * 2/5) / 4 = (2.4 + 0.4) / 4 = 0.7
        assertEquals(70, Scoring.weighted(RUBRIC, scores(4, 2)), 1e-9);
    }

    @Test
    void missingOrOutOfRangeScoresAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Scoring.weighted(RUBRIC, Map.of("impact", 3)));
        assertThrows(IllegalArgumentException.class, () -> Scoring.weighted(RUBRIC, scores(6, 1)));
        assertThrows(IllegalArgumentException.class, () -> Scoring.weighted(RUBRIC, scores(-1, 1)));
        assertThrows(IllegalArgumentException.class, () -> new Criterion("x", 0, 5));
    }

    @Test
    void meanSpreadAndRangePerApplication() {
        List<Summary> summaries = Scoring.summarise(RUBRIC, List.of(
                new Review(1, 100, scores(5, 5)), // 100
                new Review(2, 100, scores(3, 1))), // (1.8 + 0.2) / 4 = 50
                30);
        Summary s = summaries.getFirst();
        assertEquals(2, s.reviews());
        assertEquals(75, s.mean(), 1e-9);
        assertEquals(25, s.spread(), 1e-9);
        assertEquals(50, s.lowest(), 1e-9);
        assertEquals(100, s.highest(), 1e-9);
        assertTrue(s.disagreement(), "50 points apart, threshold 30");
    }

    @Test
    void aHarshAndALenientReviewerCountAlike() {
        // Reviewer 1 is harsh (20 / 40), reviewer 2 lenient (80 / 100); both prefer application A.
        // Application B is scored only by the lenient one, application C only by the harsh one.
        var reviews = List.of(
                review(1, 'A', 40), review(1, 'C', 20),
                review(2, 'A', 100), review(2, 'B', 80));
        Map<Long, Summary> byApp = byApplication(Scoring.summarise(rubric100(), reviews, 30));
        Summary b = byApp.get((long) 'B');
        Summary c = byApp.get((long) 'C');
        assertTrue(b.mean() > c.mean() + 50, "Raw scores favour the lenient reviewer's pick by 60 points");
        assertEquals(b.normalised(), c.normalised(), 1e-9, "Each was its reviewer's lower pick: equal once normalised");
        assertTrue(byApp.get((long) 'A').normalised() > b.normalised(), "Both reviewers' favourite comes first");
        assertFalse(b.disagreement(), "One review cannot disagree with itself");
    }

    @Test
    void aReviewerWhoScoresEveryoneAlikeMovesNobody() {
        var reviews = List.of(review(1, 'A', 60), review(1, 'B', 60), review(2, 'A', 90), review(2, 'B', 30));
        Map<Long, Summary> byApp = byApplication(Scoring.summarise(rubric100(), reviews, 30));
        assertTrue(byApp.get((long) 'A').normalised() > byApp.get((long) 'B').normalised());
        assertTrue(byApp.get((long) 'B').disagreement(), "60 vs 30");
    }

    @Test
    void aPageOfApplicationsIsSummarisedExactlyAsTheWholeCall() {
        // Habits come from every review of the call; the page's reviews are only those of A and C.
        var all = List.of(review(1, 'A', 40), review(1, 'B', 70), review(1, 'C', 20),
                review(2, 'A', 100), review(2, 'B', 80), review(3, 'C', 55), review(3, 'B', 90));
        Map<Long, Summary> whole = byApplication(Scoring.summarise(rubric100(), all, 30));
        java.util.Map<Long, Scoring.Stats> habits = new java.util.HashMap<>();
        for (long reviewer : List.of(1L, 2L, 3L)) {
            habits.put(reviewer, Scoring.Stats.of(all.stream().filter(r -> r.reviewerId() == reviewer)
                    .map(r -> Scoring.weighted(rubric100(), r.scores())).toList()));
        }
        Scoring.Stats call = Scoring.Stats.of(all.stream().map(r -> Scoring.weighted(rubric100(), r.scores())).toList());
        var page = all.stream().filter(r -> r.applicationId() != 'B').toList();
        Map<Long, Summary> paged = byApplication(Scoring.summarise(rubric100(), page, habits, call, 30));
        assertEquals(2, paged.size());
        for (long application : List.of((long) 'A', (long) 'C')) {
            assertEquals(whole.get(application), paged.get(application), "Application " + (char) application);
        }
    }

    @Test
    void normalisedScoresStayOnTheScale() {
        var reviews = List.of(review(1, 'A', 100), review(1, 'B', 0), review(2, 'A', 100), review(2, 'B', 0));
        for (Summary s : Scoring.summarise(rubric100(), reviews, 30)) {
            assertTrue(s.normalised() >= 0 && s.normalised() <= 100, () -> "Out of range: " + s);
        }
    }

    private static List<Criterion> rubric100() {
        return List.of(new Criterion("overall", 1, 100));
    }

    private static Review review(long reviewer, char application, int score) {
        return new Review(reviewer, application, Map.of("overall", score));
    }

    private static Map<Long, Summary> byApplication(List<Summary> summaries) {
        return summaries.stream().collect(java.util.stream.Collectors.toMap(Summary::applicationId, s -> s));
    }
}
