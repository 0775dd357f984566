package org.hamkke.it;

import java.time.Duration;
import java.util.Map;

/**
 * Academy rows a test starts from (courses, cohorts, enrolments of people who never sign in),
 * written straight to the running stack's database, so the test itself goes through the pages.
 * Enrolments written here go through V14's trigger like any other: seats counted, order numbered.
 */
final class AcademyData {

    private AcademyData() {}

    /** An active course; English title as given. */
    static long course(String title) throws Exception {
        return IntakeData.id("""
                insert into course (title, summary, duration_weeks, language, level, default_capacity)
                values (jsonb_build_object('en', ?::text), '{"en": "A course of the tests."}', 4, 'en', 'BEGINNER', 10)
                returning id""", title);
    }

    static void prerequisite(long course, long required) throws Exception {
        IntakeData.execute("insert into course_prerequisite (course_id, required_id) values (?, ?)", course, required);
    }

    /**
     * A public cohort in UTC starting in ten days for a month, enrolment open from yesterday for
     * nine days, in person, in a room of its own at the test hall.
     */
    static long cohort(long course, int capacity) throws Exception {
        return cohort(course, capacity, Map.of());
    }

    /** As {@link #cohort(long, int)}, with columns overridden, e.g. {@code visibility=INVITED}, {@code approval_required=true}. */
    static long cohort(long course, int capacity, Map<String, Object> columns) throws Exception {
        long id = IntakeData.id("""
                insert into cohort (course_id, time_zone, starts_on, ends_on, delivery, venue, capacity, enrolment_opens_at,
                                    enrolment_closes_at, created_at)
                values (?, 'UTC', current_date + 10, current_date + 40, 'IN_PERSON', 'Test hall', ?, now() - interval '1 day',
                        now() + interval '9 days', now())
                returning id""", course, capacity);
        // A room of its own: the timetable (V15) refuses two cohorts' sessions in one room at once, and
        // tests that give sessions to several cohorts must not meet there by accident.
        IntakeData.execute("update cohort set room = 'Room ' || id where id = ?", id);
        for (var column : columns.entrySet()) {
            IntakeData.execute("update cohort set " + column.getKey() + " = ? where id = ?", column.getValue(), id);
        }
        return id;
    }

    /** An enrolment in the given status (requested now), as the portal would have made it. */
    static long enrol(long cohort, long person, String status) throws Exception {
        return IntakeData.id("insert into enrolment (cohort_id, person_id, status, requested_at) values (?, ?, ?, now()) returning id",
                cohort, person, status);
    }

    /** The first waitlisted person of the cohort is offered a seat, which ends at now + {@code in} (negative: already ended). */
    static long offerFirst(long cohort, Duration in) throws Exception {
        return IntakeData.id("""
                update enrolment set status = 'OFFERED', offer_expires_at = now() + make_interval(secs => ?)
                where id = (select id from enrolment where cohort_id = ? and status = 'WAITLISTED' order by requested_seq limit 1)
                returning id""", (double) in.toSeconds(), cohort);
    }

    /**
     * A completed enrolment, as the completion (attendance and the course's rule, another part of the
     * academy) leaves it: a seat taken, then completed. No event is fired from here; the certificate
     * then comes from the backstops (the sweep, or staff's "issue missing certificates").
     */
    static long completed(long cohort, long person) throws Exception {
        long enrolment = enrol(cohort, person, "CONFIRMED");
        IntakeData.execute("update enrolment set status = 'COMPLETED' where id = ?", enrolment);
        return enrolment;
    }

    /** A session of the cohort at these moments (SQL timestamps with zone, e.g. "now() + interval '1 day'"), booked by V15's triggers. */
    static long session(long cohort, String startsAt, String endsAt) throws Exception {
        return IntakeData.id("insert into cohort_session (cohort_id, title, starts_at, ends_at) values (?, null, " + startsAt + ", " + endsAt
                + ") returning id", cohort);
    }

    static String status(long enrolment) throws Exception {
        return Db.text("select status from enrolment where id = ?", enrolment);
    }

    /** A person's live enrolment status in the cohort, or null. */
    static String statusOf(long cohort, String username) throws Exception {
        return Db.text("""
                select e.status from enrolment e join person p on p.id = e.person_id
                where e.cohort_id = ? and p.username = ? and e.status <> 'CANCELLED'""", cohort, username);
    }

    static long personId(String username) throws Exception {
        return Db.count("select id from person where username = ?", username);
    }

    /**
     * Fires a job once through the job store (as another instance would) and waits until that
     * firing is over: its trigger used up and nothing of it still running. Idle runs leave no
     * history, so the end is read from Quartz's own tables.
     */
    static void runJob(String job, String trigger) throws Exception {
        try (var jobs = new JobStoreClient(TestStack.jdbcUrl(), "it-" + trigger)) {
            jobs.fireOnce(job, trigger, 0, Map.of());
        }
        boolean done = Db.eventually(Duration.ofSeconds(60), () -> Db.count("select count(*) from qrtz_triggers where trigger_name = ?", trigger)
                + Db.count("select count(*) from qrtz_fired_triggers where trigger_name = ?", trigger) == 0);
        if (!done) {
            throw new AssertionError("The firing " + trigger + " of " + job + " did not end within a minute");
        }
    }
}
