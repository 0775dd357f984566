package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Offers pass on through the real clustered scheduler: the waitlist job, fired through the job
 * store as any instance would fire it, ends an offer whose time is up, tells its person once, and
 * offers the seat to the next in line, who is told once; fired again it changes nothing. An offer
 * about to end is reminded once, however often the job runs. Counted after each firing has ended
 * (read from Quartz's tables), never after a sleep.
 */
class OfferExpiryIT {

    @Test
    void anExpiredOfferPassesToTheNextInLineOnceAndIsRemindedOnce() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long course = AcademyData.course("Expiry course " + tag);
        long cohort = AcademyData.cohort(course, 1);
        long holder = IntakeData.person("Holder " + tag, "holder+" + tag + "@it.example", "");
        long late = IntakeData.person("Late " + tag, "late+" + tag + "@it.example", "");
        long next = IntakeData.person("Next " + tag, "next+" + tag + "@it.example", "");
        long after = IntakeData.person("After " + tag, "after+" + tag + "@it.example", "");
        IntakeData.execute("update person set locale = 'fr' where id = ?", next);
        long seat = AcademyData.enrol(cohort, holder, "CONFIRMED");
        long lateOne = AcademyData.enrol(cohort, late, "WAITLISTED");
        long nextOne = AcademyData.enrol(cohort, next, "WAITLISTED");
        long afterOne = AcademyData.enrol(cohort, after, "WAITLISTED");
        // The holder left an hour ago; the seat was offered to the first in line, whose offer ended a minute ago.
        IntakeData.execute("update enrolment set status = 'CANCELLED', ended_at = now(), ended_reason = 'LEFT' where id = ?", seat);
        assertEquals(lateOne, AcademyData.offerFirst(cohort, Duration.ofMinutes(-1)));

        for (String run : List.of("first", "second")) {
            AcademyData.runJob("waitlist-offers", "offers-" + run + "-" + tag);
            assertEquals("CANCELLED", AcademyData.status(lateOne), run);
            assertEquals("EXPIRED", Db.text("select ended_reason from enrolment where id = ?", lateOne));
            assertEquals("OFFERED", AcademyData.status(nextOne), "The next in line, after the " + run + " run");
            assertEquals("WAITLISTED", AcademyData.status(afterOne));
            assertEquals(1L, Db.count("select seats_taken from cohort where id = ?", cohort), "One seat, held by one offer");
            assertEquals(List.of("offer-expired"), kinds(late));
            assertEquals(List.of("seat-offered"), kinds(next));
            assertEquals(List.of(), kinds(after));
        }
        // Held for the configured time (48 h by default), from the moment the job passed it on.
        assertTrue(Db.count("select count(*) from enrolment where id = ? and offer_expires_at between now() + interval '47 hours' "
                + "and now() + interval '48 hours'", nextOne) == 1);
        String expires = Db.text("select data ->> 'expires' from notice where recipient_id = ? and kind = 'seat-offered'", next);
        assertTrue(expires.contains(java.time.ZoneId.of("UTC").getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.FRENCH)),
                () -> "The end on the cohort's clock (UTC here), named in French: " + expires);

        // The new offer ends within the reminder window (12 h): reminded once, however often the job runs.
        IntakeData.execute("update enrolment set offer_expires_at = now() + interval '2 hours' where id = ?", nextOne);
        for (String run : List.of("third", "fourth")) {
            AcademyData.runJob("waitlist-offers", "offers-" + run + "-" + tag);
            assertEquals(List.of("seat-offered", "offer-expiring"), kinds(next), run);
        }
        assertEquals("OFFERED", AcademyData.status(nextOne));
        assertEquals(1L, Db.count("select count(*) from enrolment where cohort_id = ? and status in ('OFFERED', 'CONFIRMED')", cohort));
    }

    private static List<String> kinds(long person) throws Exception {
        return Db.values("select kind from notice where recipient_id = ? order by id", person);
    }
}
