package org.hamkke.academy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Completion as the academy computes it: the marks a learner holds, read by {@link Mark#attended}
 * (present, late and excused count; absent and unmarked do not), against the course's rule over
 * all the cohort's sessions, with the final assessment when the course asks for it; and when the
 * job may complete a cohort ({@link Completer#isOver}).
 */
class CompletionTest {

    /** As the Completer's statement counts them: marks that attend, of all sessions (null: never marked). */
    private static int attended(Mark... marks) {
        return (int) Arrays.stream(marks).filter(Objects::nonNull).filter(Mark::attended).count();
    }

    @Test
    void withoutAssessmentTheShareOfSessionsDecides() {
        Course course = AcademyFixtures.course(); // 75 %
        Mark[] sixOfEight = {Mark.PRESENT, Mark.LATE, Mark.EXCUSED, Mark.ABSENT, null, Mark.PRESENT, Mark.PRESENT, Mark.PRESENT};
        assertEquals(6, attended(sixOfEight));
        assertTrue(course.isCompletedBy(attended(sixOfEight), 8, false), "6 of 8 is 75 %");
        Mark[] fiveOfEight = {Mark.PRESENT, Mark.LATE, Mark.ABSENT, Mark.ABSENT, null, Mark.PRESENT, Mark.PRESENT, null};
        assertFalse(course.isCompletedBy(attended(fiveOfEight), 8, false), "5 of 8 is 62.5 %");
        assertFalse(course.isCompletedBy(attended(fiveOfEight), 8, true), "An assessment the course does not ask for makes up for nothing");
    }

    @Test
    void withAssessmentBothMustHold() {
        CourseForm form = AcademyFixtures.courseForm();
        form.setFinalAssessment(true);
        Course course = Course.from(form);
        assertFalse(course.isCompletedBy(8, 8, false), "Every session, assessment not passed (or not recorded)");
        assertTrue(course.isCompletedBy(6, 8, true));
        assertFalse(course.isCompletedBy(5, 8, true), "Passed, but too few sessions");
        assertTrue(course.isCompletedBy(0, 0, true), "No sessions: the assessment alone");
        assertFalse(course.isCompletedBy(0, 0, false));
    }

    @Test
    void unmarkedSessionsCountAgainstLikeAbsences() {
        Course course = AcademyFixtures.course();
        Mark[] halfMarked = {Mark.PRESENT, Mark.PRESENT, Mark.PRESENT, null};
        assertEquals(3, attended(halfMarked));
        assertTrue(course.isCompletedBy(attended(halfMarked), 4, false), "3 of 4");
        assertFalse(course.isCompletedBy(attended(Mark.PRESENT, Mark.PRESENT, null, null), 4, false), "2 of 4");
    }

    @Test
    void theShareShownIsOfSessionsHeldRoundedDown() {
        assertEquals(75, new AttendanceShare(3, 4).percent());
        assertEquals(66, new AttendanceShare(2, 3).percent(), "66.7 % reads 66 %, never more than it is");
        assertEquals(79, new AttendanceShare(79_9, 1000).percent());
        assertEquals(0, new AttendanceShare(0, 0).percent(), "Nothing held yet");
    }

    @Test
    void aCohortIsOverWhenItsLastSessionHasEndedOrWithoutSessionsItsLastDay() {
        Cohort cohort = AcademyFixtures.cohort(10); // 1-31 May 2027, Jakarta
        Instant lastDayOver = Instant.parse("2027-05-31T17:00:00Z"); // 1 June, 00:00 in Jakarta
        assertFalse(Completer.isOver(cohort, lastDayOver.minusMillis(1)));
        assertTrue(Completer.isOver(cohort, lastDayOver), "No sessions: its last day");

        SessionForm weekly = new SessionForm();
        weekly.setDate("2027-05-04");
        weekly.setStartTime("18:00");
        weekly.setEndTime("20:00");
        weekly.setRepeat("WEEKLY");
        weekly.setCount("3");
        List<Session> sessions = cohort.schedule(weekly);
        Instant lastEnds = sessions.getLast().getEndsAt();
        assertEquals(Instant.parse("2027-05-18T13:00:00Z"), lastEnds, "18 May, 20:00 in Jakarta");
        assertFalse(Completer.isOver(cohort, lastEnds.minus(Duration.ofMinutes(1))));
        assertTrue(Completer.isOver(cohort, lastEnds), "Over as the last session ends, before the cohort's last day");
    }
}
