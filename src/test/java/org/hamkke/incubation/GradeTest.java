package org.hamkke.incubation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hamkke.incubation.Grade.Marks;
import org.hamkke.incubation.Grade.Outcome;
import org.hamkke.shared.Problem;
import org.hamkke.shared.Refused;
import org.junit.jupiter.api.Test;

/** Grading a milestone's latest submission, and correcting a grade by a new version. */
class GradeTest {

    private static final Instant NOW = MilestonePlanTest.NOW;
    private static final Map<String, Integer> GOOD = Map.of("clarity", 4, "evidence", 5);

    private static Milestone submitted() {
        Milestone m = Ids.set(Milestone.plan(5, MilestonePlanTest.TEMPLATES, Set.of(), MilestonePlanTest.START, NOW).getFirst(), 40);
        return m;
    }

    private static Submission submit(Milestone m, int earlier, long id) {
        return Ids.set(m.submit(earlier, 3, Evidence.of("Our canvas", null), NOW), id);
    }

    @Test
    void aRevisionSaysWhatToChangeAndTheMemberResubmits() {
        Milestone m = submitted();
        Submission first = submit(m, 0, 100);
        Refused silent = assertThrows(Refused.class, () -> m.grade(first, List.of(), 9, new Marks(GOOD, Map.of(), Outcome.REVISION_REQUESTED, " "), NOW));
        assertEquals(List.of(new Problem("whatToChange", "milestone.grade.whatToChangeRequired")), silent.problems());
        assertEquals(MilestoneStatus.SUBMITTED, m.getStatus(), "Nothing moved");

        Grade revision = m.grade(first, List.of(), 9, new Marks(GOOD, Map.of("clarity", "Good"), Outcome.REVISION_REQUESTED, "Add prices"), NOW);
        assertEquals(1, revision.getVersion());
        assertEquals(100, revision.getSubmissionId());
        assertEquals(9, revision.total());
        assertEquals("Add prices", revision.getWhatToChange());
        assertNull(revision.getCorrectionReason());
        assertEquals(MilestoneStatus.REVISION_REQUESTED, m.getStatus());

        Submission second = submit(m, 1, 101);
        assertEquals(2, second.getNumber());
        Grade passed = m.grade(second, List.of(), 9, new Marks(GOOD, Map.of(), Outcome.PASSED, null), NOW);
        assertEquals(MilestoneStatus.PASSED, m.getStatus());
        assertEquals(101, passed.getSubmissionId());
        assertEquals("milestone.closed", assertThrows(Refused.class, () -> m.submit(2, 3, Evidence.of("more", null), NOW)).key());
    }

    @Test
    void aGradedSubmissionIsNotGradedAgainOnlyCorrected() {
        Milestone m = submitted();
        Submission first = submit(m, 0, 100);
        Grade grade = Ids.set(m.grade(first, List.of(), 9, new Marks(GOOD, Map.of(), Outcome.PASSED, null), NOW), 500);
        // A second mentor posting the same form: the milestone is no longer waiting.
        assertThrows(MilestoneStatus.IllegalMoveException.class,
                () -> m.grade(first, List.of(grade), 8, new Marks(GOOD, Map.of(), Outcome.REVISION_REQUESTED, "x"), NOW));
        assertEquals(MilestoneStatus.PASSED, m.getStatus());
    }

    @Test
    void aCorrectionIsTheNextVersionWithItsReasonAndTheFirstStaysAsPublished() {
        Milestone m = submitted();
        Submission first = submit(m, 0, 100);
        Grade v1 = Ids.set(m.grade(first, List.of(), 9, new Marks(GOOD, Map.of(), Outcome.PASSED, null), NOW), 500);
        Marks lower = new Marks(Map.of("clarity", 2, "evidence", 1), Map.of("evidence", "The invoice is not the venture's"), Outcome.REVISION_REQUESTED,
                "Show an invoice in the venture's name");
        Refused why = assertThrows(Refused.class, () -> m.correct(first, List.of(v1), 9, lower, "", NOW));
        assertEquals("milestone.grade.reasonRequired", why.key());

        Grade v2 = Ids.set(m.correct(first, List.of(v1), 9, lower, "I misread the invoice", NOW), 501);
        assertEquals(2, v2.getVersion());
        assertTrue(v2.isCorrection());
        assertEquals("I misread the invoice", v2.getCorrectionReason());
        assertEquals(MilestoneStatus.REVISION_REQUESTED, m.getStatus(), "The milestone follows the corrected outcome");
        assertEquals(1, v1.getVersion());
        assertEquals(Outcome.PASSED, v1.getOutcome(), "The first version is untouched");
        assertEquals(9, v1.total());

        Grade v3 = m.correct(first, List.of(v1, v2), 9, new Marks(GOOD, Map.of(), Outcome.REVISION_REQUESTED, "Still the invoice"), "Scores were too low", NOW);
        assertEquals(3, v3.getVersion(), "Numbered after the latest, whatever the order given");
        assertEquals(MilestoneStatus.REVISION_REQUESTED, m.getStatus());
    }

    @Test
    void nothingToCorrectBeforeAGradeNorWhileNewEvidenceWaits() {
        Milestone m = submitted();
        Submission first = submit(m, 0, 100);
        Marks marks = new Marks(GOOD, Map.of(), Outcome.PASSED, null);
        assertThrows(MilestoneStatus.IllegalMoveException.class, () -> m.correct(first, List.of(), 9, marks, "why", NOW));
        Grade v1 = Ids.set(m.grade(first, List.of(), 9, new Marks(GOOD, Map.of(), Outcome.REVISION_REQUESTED, "More"), NOW), 500);
        submit(m, 1, 101);
        assertThrows(MilestoneStatus.IllegalMoveException.class, () -> m.correct(first, List.of(v1), 9, marks, "why", NOW),
                "The old submission's grade is history once new evidence waits");
    }

    @Test
    void everyProblemOfAGradeIsToldAtOnce() {
        Milestone m = submitted();
        Submission first = submit(m, 0, 100);
        Refused refused = assertThrows(Refused.class, () -> m.grade(first, List.of(), 9, new Marks(Map.of("clarity", 9), Map.of(), null, null), NOW));
        assertEquals(Set.of("milestone.grade.scoreRange", "milestone.grade.outcomeMissing"),
                Set.copyOf(refused.problems().stream().map(Problem::key).toList()));
        assertEquals(3, refused.problems().size());
    }
}
