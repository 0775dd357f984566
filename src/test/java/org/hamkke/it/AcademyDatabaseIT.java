package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The fairness invariant held by PostgreSQL itself (V14), whatever writes the rows: no statement
 * takes more seats than a cohort has, not even twenty at once on twenty connections without any
 * lock of ours; a person holds one live enrolment per cohort; the capacity never drops below the
 * seats taken; each cohort's events are numbered in the order they happened.
 */
class AcademyDatabaseIT {

    private static final String SEATS = "cohort_seats";

    @Test
    void handWrittenStatementsCannotOverbook() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long cohort = AcademyData.cohort(AcademyData.course("Backstop " + tag), 2);
        long a = IntakeData.person("A " + tag, null, "");
        long b = IntakeData.person("B " + tag, null, "");
        long c = IntakeData.person("C " + tag, null, "");
        AcademyData.enrol(cohort, a, "CONFIRMED");
        AcademyData.enrol(cohort, b, "CONFIRMED");
        SQLException full = assertThrows(SQLException.class, () -> AcademyData.enrol(cohort, c, "CONFIRMED"));
        assertTrue(full.getMessage().contains(SEATS), full.getMessage());
        long waiting = AcademyData.enrol(cohort, c, "WAITLISTED");
        SQLException offer = assertThrows(SQLException.class, () -> AcademyData.offerFirst(cohort, java.time.Duration.ofHours(1)));
        assertTrue(offer.getMessage().contains(SEATS), "An offer holds a seat too: " + offer.getMessage());
        assertEquals("WAITLISTED", AcademyData.status(waiting));
        SQLException lower = assertThrows(SQLException.class, () -> IntakeData.execute("update cohort set capacity = 1 where id = ?", cohort));
        assertTrue(lower.getMessage().contains(SEATS), lower.getMessage());
        SQLException twice = assertThrows(SQLException.class, () -> AcademyData.enrol(cohort, a, "WAITLISTED"));
        assertTrue(twice.getMessage().contains("enrolment_one_active"), twice.getMessage());
        assertEquals(2L, Db.count("select seats_taken from cohort where id = ?", cohort));
        assertEquals(2L, Db.count("select count(*) from enrolment where cohort_id = ? and status = 'CONFIRMED'", cohort));
        // Requested 1, 2 (with their seats: 2 events each), then C's waitlisting: the order of the inserts.
        assertEquals(List.of("1", "3", "5"), Db.values("select requested_seq from enrolment where cohort_id = ? order by id", cohort));
    }

    /** Twenty connections insert a confirmed seat each at the same moment, into five seats, with no lock of the portal's. */
    @Test
    void twentyAtOnceOnTwentyConnectionsTakeExactlyTheFiveSeats() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long cohort = AcademyData.cohort(AcademyData.course("Race " + tag), 5);
        List<Long> people = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            people.add(IntakeData.person("Racer " + i + " " + tag, null, ""));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(20)) {
            for (long person : people) {
                outcomes.add(pool.submit(() -> {
                    try (Connection db = Db.connect(); PreparedStatement s = db.prepareStatement(
                            "insert into enrolment (cohort_id, person_id, status, requested_at) values (?, ?, 'CONFIRMED', now())")) {
                        s.setLong(1, cohort);
                        s.setLong(2, person);
                        start.await();
                        s.executeUpdate();
                        return true;
                    } catch (SQLException e) {
                        if (!e.getMessage().contains(SEATS)) {
                            throw e;
                        }
                        return false;
                    }
                }));
            }
            start.countDown();
        }
        long taken = 0;
        for (Future<Boolean> outcome : outcomes) {
            taken += outcome.get() ? 1 : 0;
        }
        assertEquals(5, taken);
        assertEquals(5L, Db.count("select seats_taken from cohort where id = ?", cohort));
        assertEquals(5L, Db.count("select count(*) from enrolment where cohort_id = ?", cohort));
        assertEquals(5L, Db.count("select count(distinct requested_seq) from enrolment where cohort_id = ?", cohort));
    }
}
