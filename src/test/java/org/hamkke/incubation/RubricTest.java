package org.hamkke.incubation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hamkke.intake.ScoreBand;
import org.hamkke.shared.LocalizedText;
import org.hamkke.shared.Problem;
import org.hamkke.shared.Refused;
import org.junit.jupiter.api.Test;

/** The rubric: what a grade's scores and feedback must be, its bands, and its JSON. */
class RubricTest {

    static final Rubric RUBRIC = new Rubric(
            List.of(new Rubric.Criterion("clarity", LocalizedText.of(Map.of("en", "Clarity", "fr", "Clarté")), 4),
                    new Rubric.Criterion("evidence", LocalizedText.english("Evidence of customers"), 6)),
            List.of(new ScoreBand(0, 4, LocalizedText.english("not yet")), new ScoreBand(5, 10, LocalizedText.english("ready"))));

    @Test
    void eachCriterionIsScoredFromZeroToItsMaximum() {
        Rubric.Scored scored = RUBRIC.check(Map.of("clarity", 4, "evidence", 0), Map.of("clarity", "  Clear  ", "evidence", " "));
        assertEquals(Map.of("clarity", 4, "evidence", 0), scored.scores());
        assertEquals(Map.of("clarity", "Clear"), scored.feedback(), "Stripped, blanks left out");

        Refused refused = assertThrows(Refused.class, () -> RUBRIC.check(Map.of("clarity", 5, "evidence", -1), Map.of()));
        assertEquals(List.of(new Problem("score-clarity", "milestone.grade.scoreRange", "4"), new Problem("score-evidence", "milestone.grade.scoreRange", "6")),
                refused.problems());
        Refused missing = assertThrows(Refused.class, () -> RUBRIC.check(Map.of("clarity", 2), null));
        assertEquals("score-evidence", missing.problems().getFirst().field());
    }

    @Test
    void aScoreOrFeedbackForACriterionTheRubricDoesNotHaveIsRefused() {
        Map<String, Integer> scores = new HashMap<>(Map.of("clarity", 1, "evidence", 1, "charm", 3));
        assertEquals(Set.of("milestone.grade.unknownCriterion"),
                Set.copyOf(assertThrows(Refused.class, () -> RUBRIC.check(scores, Map.of())).problems().stream().map(Problem::key).toList()));
        assertThrows(Refused.class, () -> RUBRIC.check(Map.of("clarity", 1, "evidence", 1), Map.of("charm", "lovely")));
    }

    @Test
    void feedbackMustBeStorable() {
        Refused refused = assertThrows(Refused.class, () -> RUBRIC.check(Map.of("clarity", 1, "evidence", 1), Map.of("clarity", "a\u0000b")));
        assertEquals(new Problem("feedback-clarity", "text.unstorable", "1000"), refused.problems().getFirst());
    }

    @Test
    void bandsSayWhatATotalMeans() {
        assertEquals(10, RUBRIC.maxTotal());
        assertEquals("not yet", RUBRIC.band(3).orElseThrow().label().in("en"));
        assertEquals("ready", RUBRIC.band(10).orElseThrow().label().in("en"));
        assertTrue(RUBRIC.band(11).isEmpty());
    }

    @Test
    void itIsKeptAsJsonAndReadBackTheSame() {
        assertEquals(RUBRIC, Rubric.read(RUBRIC.json()));
        assertEquals(Rubric.NONE, Rubric.read("{\"criteria\": [{\"key\": 3}], \"bands\": \"x\"}"), "What it does not recognise is left out");
        assertEquals(Rubric.NONE, new Rubric.Column().convertToEntityAttribute(null));
    }
}
