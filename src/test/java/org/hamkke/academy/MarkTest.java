package org.hamkke.academy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MarkTest {

    private static final Instant START = Instant.parse("2027-05-04T11:00:00Z");
    private static final CheckInWindow WINDOW = CheckInWindow.of(START, START.plus(Duration.ofHours(2)), Duration.ofMinutes(15), Duration.ofMinutes(10));

    @Test
    void presentLateAndExcusedCountAsAttendedAbsentDoesNot() {
        assertTrue(Mark.PRESENT.attended());
        assertTrue(Mark.LATE.attended());
        assertTrue(Mark.EXCUSED.attended(), "An excuse the instructor accepted is not held against the learner");
        assertFalse(Mark.ABSENT.attended());
    }

    @Test
    void onlyExcusedMayBeGivenBeforeCheckInOpens() {
        Instant dayBefore = START.minus(Duration.ofDays(1));
        for (Mark mark : Mark.values()) {
            assertEquals(mark == Mark.EXCUSED, mark.mayGiveAt(dayBefore, WINDOW), mark + " a day before");
            assertTrue(mark.mayGiveAt(WINDOW.opensAt(), WINDOW), mark + " as check-in opens");
            assertTrue(mark.mayGiveAt(START.plus(Duration.ofDays(3)), WINDOW), mark + " days after: corrections stay possible");
        }
    }

    @Test
    void aCheckInMarksPresentOrLateOverNothingOrAbsentAndLeavesTheInstructorsMarkAlone() {
        assertEquals(Optional.of(Mark.PRESENT), Mark.afterCheckIn(null, false));
        assertEquals(Optional.of(Mark.LATE), Mark.afterCheckIn(null, true));
        assertEquals(Optional.of(Mark.PRESENT), Mark.afterCheckIn(Mark.ABSENT, false), "Arrived after the roll was taken");
        assertEquals(Optional.of(Mark.LATE), Mark.afterCheckIn(Mark.ABSENT, true));
        for (Mark given : new Mark[] {Mark.PRESENT, Mark.LATE, Mark.EXCUSED}) {
            assertEquals(Optional.empty(), Mark.afterCheckIn(given, false), given + " stands");
            assertEquals(Optional.empty(), Mark.afterCheckIn(given, true), given + " stands");
        }
    }

    @Test
    void onlyTheFourMarksAreNamed() {
        assertEquals(Optional.of(Mark.LATE), Mark.named("LATE"));
        assertEquals(Optional.empty(), Mark.named("late"));
        assertEquals(Optional.empty(), Mark.named(null));
        assertEquals(Optional.empty(), Mark.named("PRESENT'--"));
    }
}
