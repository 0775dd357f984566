package org.hamkke.intake;

import static org.hamkke.intake.IntakeFixtures.NOW;
import static org.hamkke.intake.IntakeFixtures.STAFF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.hamkke.shared.audit.Actor;
import org.junit.jupiter.api.Test;

/** A reviewer's declaration and review, and staff reopening it: the rules the entities hold. */
class ReviewTest {

    private static final List<Scoring.Criterion> RUBRIC = List.of(new Scoring.Criterion("impact", 3, 5), new Scoring.Criterion("team", 1, 5));

    private static ReviewAssignment assignment() {
        return IntakeFixtures.id(new ReviewAssignment(IntakeFixtures.submitted(), 40L, NOW), 900);
    }

    private static Review declaredNone() {
        ReviewAssignment assignment = assignment();
        assignment.declare(false, NOW);
        return assignment.review();
    }

    @Test
    void aDeclarationIsMadeOnceAndADeclaredConflictIsFinal() {
        ReviewAssignment conflicted = assignment();
        assertThrows(IllegalStateException.class, conflicted::review, "Nothing to review before declaring");
        conflicted.declare(true, NOW);
        assertEquals(ReviewAssignment.Declaration.CONFLICT, conflicted.getDeclaration());
        assertEquals(NOW, conflicted.getDeclaredAt());
        assertThrows(ReviewAssignment.AlreadyDeclared.class, () -> conflicted.declare(false, NOW.plusSeconds(60)));
        assertEquals(ReviewAssignment.Declaration.CONFLICT, conflicted.getDeclaration(), "A conflict is never taken back");
        assertEquals(NOW, conflicted.getDeclaredAt());
        assertFalse(conflicted.isOpen());
        assertThrows(IllegalStateException.class, conflicted::review, "A conflicted reviewer never reviews");

        ReviewAssignment fair = assignment();
        fair.declare(false, NOW);
        assertThrows(ReviewAssignment.AlreadyDeclared.class, () -> fair.declare(true, NOW), "Declared once");
        assertTrue(fair.isOpen());
        assertEquals(fair.review(), fair.review(), "One review per assignment");
    }

    @Test
    void aDraftIsSavedAsOftenAsLikedAndSubmittingNeedsTheWholeRubric() {
        Review review = declaredNone();
        review.saveDraft(Map.of("impact", 4), Map.of("impact", "  Forty women gain a fair price.  ", "team", " "));
        assertEquals(Map.of("impact", 4), review.getScores());
        assertEquals(Map.of("impact", "Forty women gain a fair price."), review.getComments(), "Blank comments are not kept");
        assertThrows(IllegalArgumentException.class, () -> review.submit(Map.of("impact", 4), Map.of(), RUBRIC, NOW), "team unscored");
        assertThrows(IllegalArgumentException.class, () -> review.submit(Map.of("impact", 6, "team", 1), Map.of(), RUBRIC, NOW));
        assertFalse(review.isSubmitted());
        assertThrows(TextRules.Refused.class, () -> review.saveDraft(Map.of(), Map.of("impact", "x".repeat(TextRules.COMMENT + 1))));
        assertEquals(Map.of("impact", 4), review.getScores(), "A refused save changes nothing");
    }

    @Test
    void aSubmittedReviewIsFinalUntilStaffReopenIt() {
        Review review = declaredNone();
        review.submit(Map.of("impact", 5, "team", 3), Map.of("team", "Small but steady"), RUBRIC, NOW);
        assertTrue(review.isSubmitted());
        assertEquals(NOW, review.getSubmittedAt());
        assertThrows(Review.AlreadySubmitted.class, () -> review.saveDraft(Map.of("impact", 1), Map.of()));
        assertThrows(Review.AlreadySubmitted.class, () -> review.submit(Map.of("impact", 1, "team", 1), Map.of(), RUBRIC, NOW));
        assertEquals(Map.of("impact", 5, "team", 3), review.getScores(), "Unchanged");
    }

    @Test
    void reopeningNeedsAReasonAndKeepsItWithTheScoresAndComments() {
        Review review = declaredNone();
        assertThrows(Review.NotSubmitted.class, () -> review.reopen(STAFF, "Too early", NOW), "Only a submitted review");
        review.submit(Map.of("impact", 2, "team", 1), Map.of("impact", "Too early to tell"), RUBRIC, NOW);
        assertThrows(Review.ReasonRequired.class, () -> review.reopen(STAFF, "  ", NOW));
        assertThrows(Review.ReasonRequired.class, () -> review.reopen(STAFF, null, NOW));
        assertThrows(TextRules.Refused.class, () -> review.reopen(STAFF, "x".repeat(TextRules.REOPEN_REASON + 1), NOW));
        assertTrue(review.isSubmitted(), "A refused reopening changes nothing");

        ReviewReopening first = review.reopen(STAFF, "  Scored against the old rubric ", NOW.plusSeconds(60));
        assertFalse(review.isSubmitted());
        assertNull(review.getSubmittedAt());
        assertEquals(Map.of("impact", 2, "team", 1), review.getScores(), "Nothing written is lost");
        assertEquals(Map.of("impact", "Too early to tell"), review.getComments());
        assertEquals("Scored against the old rubric", first.getReason());
        assertEquals("staff", first.getActor());
        assertThrows(Review.NotSubmitted.class, () -> review.reopen(STAFF, "Again", NOW), "A second click changes nothing");

        review.submit(Map.of("impact", 3, "team", 1), Map.of(), RUBRIC, NOW.plusSeconds(120));
        review.reopen(new Actor(3L, "admin"), "One more look", NOW.plusSeconds(180));
        assertEquals(List.of("Scored against the old rubric", "One more look"),
                review.getReopenings().stream().map(ReviewReopening::getReason).toList(), "Every reopening is kept, in order");
    }
}
