package org.hamkke.academy;

import org.hamkke.shared.Refused;
import static org.hamkke.academy.AcademyFixtures.APRIL;
import static org.hamkke.academy.AcademyFixtures.AFTER_WINDOW;
import static org.hamkke.academy.AcademyFixtures.BEFORE_WINDOW;
import static org.hamkke.academy.AcademyFixtures.DURING;
import static org.hamkke.academy.AcademyFixtures.cohort;
import static org.hamkke.academy.AcademyFixtures.cohortForm;
import static org.hamkke.academy.AcademyFixtures.eligible;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cohort's rules: what a cohort must be, who gets a seat, the waitlist, offers, leaving. */
class CohortTest {

    private static final Duration HOLD = Duration.ofHours(48);

    private static List<String> keys(CohortForm form, Cohort existing) {
        return Cohort.problems(form, existing).stream().map(p -> p.field() + ":" + p.key()).toList();
    }

    @Test
    void aGoodFormHasNoProblems() {
        assertEquals(List.of(), keys(cohortForm(10), null));
        Cohort cohort = cohort(10);
        assertEquals(Instant.parse("2027-04-30T17:00:00Z"), cohort.startsAt(), "Midnight in Jakarta (UTC+7)");
        assertEquals(Instant.parse("2027-05-31T17:00:00Z"), cohort.endsAt());
        assertEquals(Instant.parse("2027-04-01T01:00:00Z"), cohort.getEnrolmentOpensAt(), "Typed on the cohort's wall clock");
    }

    @Test
    void theEndMayNotComeBeforeTheStart() {
        CohortForm form = cohortForm(10);
        form.setEndsOn("2027-04-30");
        assertEquals(List.of("endsOn:academy.cohort.endBeforeStart"), keys(form, null));
        form.setEndsOn("2027-05-01");
        assertEquals(List.of(), keys(form, null), "A one-day cohort");
    }

    @Test
    void theWindowClosesAfterItOpensAndDatesMustBeDates() {
        CohortForm form = cohortForm(10);
        form.setEnrolmentClosesAt("2027-04-01T08:00");
        form.setStartsOn("1 May");
        form.setTimeZone("Mars/Olympus");
        assertEquals(List.of("timeZone:academy.timeZone", "startsOn:academy.date", "enrolmentClosesAt:academy.cohort.windowCloses"),
                keys(form, null));
    }

    @Test
    void deliveryNeedsItsVenueOrItsHttpsLink() {
        CohortForm form = cohortForm(10);
        form.setDelivery("BLENDED");
        form.setVenue(" ");
        assertEquals(List.of("venue:academy.cohort.venueRequired", "meetingLink:academy.cohort.linkRequired"), keys(form, null));
        form.setVenue("Balai Warga");
        form.setMeetingLink("http://meet.example/abc");
        assertEquals(List.of("meetingLink:academy.cohort.linkHttps"), keys(form, null));
        form.setDelivery("ONLINE");
        form.setMeetingLink("https://meet.example/abc");
        assertEquals(List.of(), keys(form, null));
        Cohort online = Cohort.of(AcademyFixtures.course(), form, APRIL);
        assertNull(online.getVenue(), "An online cohort keeps no venue");
    }

    @Test
    void capacityIsAWholeNumberAndNeverBelowTheSeatsTaken() {
        CohortForm form = cohortForm(0);
        assertEquals(List.of("capacity:academy.number"), keys(form, null));
        form.setCapacity("ten");
        assertEquals(List.of("capacity:academy.number"), keys(form, null));

        Cohort cohort = cohort(3);
        for (long person = 1; person <= 3; person++) {
            cohort.enrol(person, eligible(0), APRIL);
        }
        form.setCapacity("2");
        var problem = Cohort.problems(form, cohort).getFirst();
        assertEquals("academy.cohort.capacityBelowTaken", problem.key());
        assertEquals("3", problem.arg());
        Refused refused = assertThrows(Refused.class, () -> cohort.revise(form));
        assertEquals("academy.cohort.capacityBelowTaken", refused.key());
        assertEquals(3, cohort.getCapacity(), "Nothing half-saved");
    }

    @Test
    void invitationsAreAddressesAnyCaseAnySeparator() {
        CohortForm form = cohortForm(10);
        form.setInvitedOnly(true);
        form.setInvitations("Siti@Demo.Hamkke.org, <amina@demo.hamkke.org>\nsiti@demo.hamkke.org; ");
        Cohort cohort = Cohort.of(AcademyFixtures.course(), form, APRIL);
        assertEquals(List.of("siti@demo.hamkke.org", "amina@demo.hamkke.org"), List.copyOf(cohort.getInvitations()));
        assertTrue(cohort.invites("SITI@demo.hamkke.org"));
        assertFalse(cohort.invites("someone@else.org"));
        form.setInvitations("siti@demo.hamkke.org not-an-address");
        assertEquals(List.of("invitations:academy.cohort.invitationInvalid"), keys(form, null));
    }

    @Test
    void aFreeSeatIsConfirmedAndAFullCohortWaitlists() {
        Cohort cohort = cohort(2);
        assertEquals(EnrolmentStatus.CONFIRMED, cohort.enrol(1, eligible(0), APRIL).getStatus());
        assertEquals(EnrolmentStatus.CONFIRMED, cohort.enrol(2, eligible(0), APRIL).getStatus());
        assertEquals(EnrolmentStatus.WAITLISTED, cohort.enrol(3, eligible(0), APRIL).getStatus());
        assertEquals(EnrolmentStatus.WAITLISTED, cohort.enrol(4, eligible(1), APRIL).getStatus());
        assertEquals(2, cohort.getSeatsTaken());
        assertFalse(cohort.hasFreeSeat());
    }

    /** A free seat while others wait is theirs, not the newcomer's: the service then offers it to the first in line. */
    @Test
    void nobodyJumpsTheLineForAFreeSeat() {
        Cohort cohort = cohort(2);
        assertEquals(EnrolmentStatus.WAITLISTED, cohort.enrol(9, eligible(3), APRIL).getStatus());
    }

    @Test
    void refusalsComeWithTheirReasonInOrder() {
        Cohort cohort = cohort(5);
        assertEquals("academy.enrol.already", assertThrows(Refused.class,
                () -> cohort.enrol(1, new Cohort.Eligibility(true, false, List.of("x"), 0), BEFORE_WINDOW)).key());
        assertEquals("academy.enrol.notYetOpen", assertThrows(Refused.class, () -> cohort.enrol(1, eligible(0), BEFORE_WINDOW)).key());
        assertEquals("academy.enrol.closed", assertThrows(Refused.class, () -> cohort.enrol(1, eligible(0), AFTER_WINDOW)).key());
        Refused prerequisite = assertThrows(Refused.class,
                () -> cohort.enrol(1, new Cohort.Eligibility(false, false, List.of("Foundations", "Governance"), 0), APRIL));
        assertEquals("academy.enrol.prerequisite", prerequisite.key());
        assertEquals("Foundations, Governance", prerequisite.problems().getFirst().arg());
        assertEquals(0, cohort.getSeatsTaken(), "No seat taken by a refusal");

        CohortForm invited = cohortForm(5);
        invited.setInvitedOnly(true);
        Cohort closed = Cohort.of(AcademyFixtures.course(), invited, APRIL);
        assertEquals("academy.enrol.invitedOnly", assertThrows(Refused.class, () -> closed.enrol(1, eligible(0), APRIL)).key());
        assertEquals(EnrolmentStatus.CONFIRMED, closed.enrol(1, new Cohort.Eligibility(false, true, List.of(), 0), APRIL).getStatus());
    }

    @Test
    void anArchivedCourseTakesNoEnrolmentsAndNoNewCohorts() {
        Cohort cohort = cohort(5);
        CourseForm form = AcademyFixtures.courseForm();
        form.setArchived(true);
        cohort.getCourse().revise(form);
        assertEquals("academy.enrol.courseArchived", assertThrows(Refused.class, () -> cohort.enrol(1, eligible(0), APRIL)).key());
        assertEquals("academy.cohort.courseArchived",
                assertThrows(Refused.class, () -> Cohort.of(cohort.getCourse(), cohortForm(5), APRIL)).key());
    }

    @Test
    void withApprovalARequestWaitsForStaffThenTakesASeatOrTheLine() {
        CohortForm form = cohortForm(1);
        form.setApprovalRequired(true);
        Cohort cohort = Cohort.of(AcademyFixtures.course(), form, APRIL);
        Enrolment first = cohort.enrol(1, eligible(0), APRIL);
        Enrolment second = cohort.enrol(2, eligible(0), APRIL);
        assertEquals(EnrolmentStatus.REQUESTED, first.getStatus());
        assertEquals(0, cohort.getSeatsTaken(), "A request holds no seat");
        cohort.approve(first, 0, APRIL);
        cohort.approve(second, 0, APRIL);
        assertEquals(EnrolmentStatus.CONFIRMED, first.getStatus());
        assertEquals(EnrolmentStatus.WAITLISTED, second.getStatus());
        assertEquals(1, cohort.getSeatsTaken());
    }

    @Test
    void freedSeatsGoToTheFirstInLineOneEachWithAnOfferThatHoldsTheSeat() {
        Cohort cohort = cohort(2);
        Enrolment a = cohort.enrol(1, eligible(0), APRIL);
        Enrolment b = cohort.enrol(2, eligible(0), APRIL);
        List<Enrolment> line = new ArrayList<>();
        for (long person = 3; person <= 5; person++) {
            line.add(cohort.enrol(person, eligible(line.size()), APRIL));
        }
        a.leave(APRIL);
        b.leave(APRIL);
        assertEquals(0, cohort.getSeatsTaken());
        List<Enrolment> offered = cohort.offerFreeSeats(line, APRIL, HOLD);
        assertEquals(line.subList(0, 2), offered, "The first two in line, in order");
        assertEquals(EnrolmentStatus.WAITLISTED, line.get(2).getStatus());
        assertEquals(APRIL.plus(HOLD), offered.getFirst().getOfferExpiresAt());
        assertEquals(2, cohort.getSeatsTaken(), "An offer holds its seat");
        assertEquals(List.of(), cohort.offerFreeSeats(line.subList(2, 3), APRIL, HOLD), "No seat left to offer");
    }

    @Test
    void anOfferIsAcceptedInTimeOrExpiresOnceAndPassesOn() {
        Cohort cohort = cohort(1);
        Enrolment holder = cohort.enrol(1, eligible(0), APRIL);
        Enrolment first = cohort.enrol(2, eligible(0), APRIL);
        Enrolment second = cohort.enrol(3, eligible(1), APRIL);
        holder.leave(APRIL);
        cohort.offerFreeSeats(List.of(first, second), APRIL, HOLD);
        assertEquals(EnrolmentStatus.OFFERED, first.getStatus());

        Instant late = APRIL.plus(HOLD);
        assertFalse(first.expire(late.minusSeconds(1)), "Not yet due");
        assertEquals("academy.offer.expired", assertThrows(Refused.class, () -> first.accept(late)).key());
        assertTrue(first.expire(late));
        assertFalse(first.expire(late.plusSeconds(60)), "A second run changes nothing");
        assertEquals(EndReason.EXPIRED, first.getEndedReason());
        assertEquals(0, cohort.getSeatsTaken());

        cohort.offerFreeSeats(List.of(second), late, HOLD);
        second.accept(late.plusSeconds(60));
        assertEquals(EnrolmentStatus.CONFIRMED, second.getStatus());
        assertNull(second.getOfferExpiresAt());
        assertEquals(1, cohort.getSeatsTaken());
    }

    @Test
    void decliningFreesTheSeat() {
        Cohort cohort = cohort(1);
        Enrolment holder = cohort.enrol(1, eligible(0), APRIL);
        Enrolment waiting = cohort.enrol(2, eligible(0), APRIL);
        holder.leave(APRIL);
        cohort.offerFreeSeats(List.of(waiting), APRIL, HOLD);
        waiting.decline(APRIL);
        assertEquals(EndReason.DECLINED, waiting.getEndedReason());
        assertEquals(0, cohort.getSeatsTaken());
        assertThrows(EnrolmentStatus.IllegalMoveException.class, () -> waiting.accept(APRIL), "Nothing offered any more");
    }

    @Test
    void aSeatIsLeftBeforeTheStartAndTheWaitlistAtAnyTime() {
        Cohort cohort = cohort(1);
        Enrolment seated = cohort.enrol(1, eligible(0), APRIL);
        Enrolment waiting = cohort.enrol(2, eligible(0), APRIL);
        assertEquals("academy.leave.started", assertThrows(Refused.class, () -> seated.leave(DURING)).key());
        assertEquals(EnrolmentStatus.CONFIRMED, seated.getStatus());
        waiting.leave(DURING);
        assertEquals(EndReason.LEFT, waiting.getEndedReason());
        assertThrows(EnrolmentStatus.IllegalMoveException.class, () -> waiting.leave(DURING), "Left already");
    }

    @Test
    void staffCancelWithAReasonAndMayRefuseARequest() {
        Cohort cohort = cohort(1);
        Enrolment seated = cohort.enrol(1, eligible(0), APRIL);
        assertEquals("academy.cancel.reasonRequired", assertThrows(Refused.class, () -> seated.cancel("  ", DURING)).key());
        assertEquals("text.unstorable", assertThrows(Refused.class, () -> seated.cancel("bad\u0000", DURING)).key());
        seated.cancel("Moved to the June cohort at her request", DURING);
        assertEquals(EndReason.STAFF, seated.getEndedReason());
        assertEquals("Moved to the June cohort at her request", seated.getEndedNote());
        assertEquals(0, cohort.getSeatsTaken());
        assertThrows(EnrolmentStatus.IllegalMoveException.class, () -> cohort.enrol(2, eligible(0), APRIL).refuse(null, APRIL),
                "Only a request is refused");
    }

    /** The in-memory guard behind the database's check: a seat is never taken when none is free. */
    @Test
    void noSeatIsEverTakenBeyondTheCapacity() {
        Cohort cohort = cohort(1);
        cohort.enrol(1, eligible(0), APRIL);
        assertThrows(IllegalStateException.class, cohort::seatTaken);
        assertEquals(1, cohort.getSeatsTaken());
    }

    @Test
    void staffMayEnrolOutsideTheWindowButNotTwice() {
        Cohort cohort = cohort(1);
        assertEquals(EnrolmentStatus.CONFIRMED, cohort.enrolByStaff(1, false, 0, DURING).getStatus());
        assertEquals(EnrolmentStatus.WAITLISTED, cohort.enrolByStaff(2, false, 0, DURING).getStatus());
        assertEquals("academy.enrol.already", assertThrows(Refused.class, () -> cohort.enrolByStaff(1, true, 0, DURING)).key());
    }

    @Test
    void sessionsStayWithinTheCohortsDays() {
        Cohort cohort = cohort(5);
        SessionForm weekly = new SessionForm();
        weekly.setDate("2027-05-04");
        weekly.setStartTime("18:00");
        weekly.setEndTime("20:00");
        weekly.setRepeat("WEEKLY");
        weekly.setCount("4");
        assertEquals(4, cohort.schedule(weekly).size());
        assertEquals(4, cohort.getSessions().size());

        weekly.setCount("5");
        Refused outside = assertThrows(Refused.class, () -> cohort.schedule(weekly));
        assertEquals("academy.session.outsideCohort", outside.key());
        assertEquals("2027-06-01", outside.problems().getFirst().arg(), "Names the day that falls outside");
        assertEquals(4, cohort.getSessions().size(), "None of the series added");

        SessionForm same = new SessionForm();
        same.setDate("2027-05-05");
        same.setStartTime("10:00");
        same.setEndTime("10:00");
        assertEquals("academy.session.endBeforeStart", assertThrows(Refused.class, () -> cohort.schedule(same)).key());

        CohortForm shorter = cohortForm(5);
        shorter.setEndsOn("2027-05-20");
        assertEquals(List.of("endsOn:academy.cohort.sessionsOutside"), keys(shorter, cohort), "The session of 25 May would fall outside");
        shorter.setEndsOn("2027-05-25");
        assertEquals(List.of(), keys(shorter, cohort), "Its last day holds it");
    }
}
