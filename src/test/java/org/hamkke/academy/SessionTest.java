package org.hamkke.academy;

import org.hamkke.shared.Refused;
import static org.hamkke.academy.AcademyFixtures.APRIL;
import static org.hamkke.academy.AcademyFixtures.cohort;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Moving and cancelling a session: within the cohort's days, never once begun, a cancellation with its reason. */
class SessionTest {

    /** The cohort of 1-31 May 2027 in Jakarta (UTC+7, no daylight saving) and its session of Tuesday 4 May, 18:00-20:00. */
    private static Session session() {
        Cohort cohort = cohort(5);
        SessionForm form = new SessionForm();
        form.setDate("2027-05-04");
        form.setStartTime("18:00");
        form.setEndTime("20:00");
        return cohort.schedule(form).getFirst();
    }

    private static Instant jakarta(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Jakarta")).toInstant();
    }

    @Test
    void aSessionMovesWithinTheCohortsDays() {
        Session s = session();
        assertTrue(s.moveTo(jakarta("2027-05-05T09:00"), jakarta("2027-05-05T11:30"), APRIL));
        assertEquals(LocalTime.of(9, 0), s.getStartsLocal().toLocalTime());
        assertEquals(jakarta("2027-05-05T11:30"), s.getEndsAt());
        assertFalse(s.moveTo(jakarta("2027-05-05T09:00"), jakarta("2027-05-05T11:30"), APRIL), "The same times again change nothing");
    }

    @Test
    void aMoveMustEndAfterItStartsLastAtMostADayAndStayWithinTheCohort() {
        Session s = session();
        assertEquals("academy.session.endBeforeStart",
                assertThrows(Refused.class, () -> s.moveTo(jakarta("2027-05-05T09:00"), jakarta("2027-05-05T09:00"), APRIL)).key());
        assertEquals("academy.session.tooLong",
                assertThrows(Refused.class, () -> s.moveTo(jakarta("2027-05-05T09:00"), jakarta("2027-05-06T09:30"), APRIL)).key());
        Refused outside = assertThrows(Refused.class, () -> s.moveTo(jakarta("2027-06-01T09:00"), jakarta("2027-06-01T11:00"), APRIL));
        assertEquals("academy.session.moveOutside", outside.key());
        assertEquals("2027-06-01", outside.problems().getFirst().arg(), "Names the day");
        assertEquals("academy.session.moveOutside",
                assertThrows(Refused.class, () -> s.moveTo(jakarta("2027-05-31T23:00"), jakarta("2027-06-01T01:00"), APRIL)).key(),
                "Ending on the day after the cohort's last is outside too");
        assertEquals(jakarta("2027-05-04T18:00"), s.getStartsAt(), "Nothing moved");
    }

    @Test
    void aSessionThatHasBegunStaysWhereItWasAndNothingMovesIntoThePast() {
        Session s = session();
        Instant during = jakarta("2027-05-04T18:30");
        assertEquals("academy.session.begun",
                assertThrows(Refused.class, () -> s.moveTo(jakarta("2027-05-11T18:00"), jakarta("2027-05-11T20:00"), during)).key());
        assertEquals("academy.session.begun", assertThrows(Refused.class, () -> s.cancel("Rain", during)).key());
        Instant theDayBefore = jakarta("2027-05-03T12:00");
        assertEquals("academy.session.past",
                assertThrows(Refused.class, () -> s.moveTo(jakarta("2027-05-03T09:00"), jakarta("2027-05-03T10:00"), theDayBefore)).key());
    }

    @Test
    void aCancellationNeedsAReasonAndIsFinal() {
        Session s = session();
        assertEquals("academy.session.reasonRequired", assertThrows(Refused.class, () -> s.cancel("  ", APRIL)).key());
        assertEquals("text.tooLong", assertThrows(Refused.class, () -> s.cancel("x".repeat(1001), APRIL)).key());
        assertFalse(s.isCancelled());
        s.cancel("  The hall is flooded ", APRIL);
        assertTrue(s.isCancelled());
        assertEquals("The hall is flooded", s.getCancelReason());
        assertEquals(APRIL, s.getCancelledAt());
        assertEquals("academy.session.cancelled", assertThrows(Refused.class, () -> s.cancel("Again", APRIL)).key());
        assertEquals("academy.session.cancelled",
                assertThrows(Refused.class, () -> s.moveTo(jakarta("2027-05-11T18:00"), jakarta("2027-05-11T20:00"), APRIL)).key());
    }

    @Test
    void aStaleViewIsRefused() {
        Session s = session();
        s.requireSeen(0);
        assertEquals("academy.changedMeanwhile", assertThrows(Refused.class, () -> s.requireSeen(3)).key());
    }

    @Test
    void aSessionIsRemovedOnlyWhileNobodyIsEnrolled() {
        Cohort cohort = cohort(5);
        assertFalse(cohort.unschedule(42, true), "Not one of its sessions");
    }

    /** The calendar drags a Paris session a week on across the spring change: the wall clock says 18:00 before and after. */
    @Test
    void aMoveByAWeekAcrossTheClockChangeKeepsTheWallClockTime() {
        CohortForm form = AcademyFixtures.cohortForm(5);
        form.setTimeZone("Europe/Paris");
        form.setStartsOn("2027-03-01");
        form.setEndsOn("2027-04-30");
        form.setEnrolmentOpensAt("2027-02-01T08:00");
        form.setEnrolmentClosesAt("2027-02-28T23:59");
        Cohort paris = Cohort.of(AcademyFixtures.course(), form, Instant.parse("2027-02-10T10:00:00Z"));
        SessionForm tuesday = new SessionForm();
        tuesday.setDate("2027-03-23");
        tuesday.setStartTime("18:00");
        tuesday.setEndTime("20:00");
        Session s = paris.schedule(tuesday).getFirst();
        ZoneId zone = paris.zone();
        LocalDateTime start = s.getStartsLocal().toLocalDateTime().plusDays(7);
        LocalDateTime end = s.getEndsLocal().toLocalDateTime().plusDays(7);
        s.moveTo(start.atZone(zone).toInstant(), end.atZone(zone).toInstant(), Instant.parse("2027-03-01T00:00:00Z"));
        assertEquals(Instant.parse("2027-03-30T16:00:00Z"), s.getStartsAt(), "UTC+2 after the change: an hour earlier in UTC");
        assertEquals(LocalTime.of(18, 0), s.getStartsLocal().toLocalTime());
    }
}
