package org.hamkke.academy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hamkke.identity.Allowed;
import org.hamkke.shared.db.Rows;

/**
 * A learner's own attendance: checking in to a session with its code, and their record. Every
 * method takes the person's id and reads or writes only that person's rows.
 *
 * <p><b>Checking in</b> ({@link #checkIn}): the code names one session (V16); the learner must hold
 * a confirmed seat in its cohort, and the session's check-in must be open ({@link CheckInWindow}).
 * The mark written is present, or late after the grace period, over no mark or an absent one;
 * an instructor's mark stands ({@link Mark#afterCheckIn}). Guessing is limited per person
 * ({@link AttemptLimit}): the person's tries follow one another (their row's lock), so a burst of
 * parallel tries cannot slip past the count. Nothing here throws for a wrong code: the answer is
 * an outcome, so the count of failures is kept (an exception would roll it back).
 */
@Allowed(signedIn = true)
@ApplicationScoped
@Transactional
public class Attendances {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    CheckInSettings settings;

    /** What a check-in came to. */
    public enum Outcome {
        /** Marked present now. */
        PRESENT(false),
        /** Marked late now. */
        LATE(false),
        /** Already marked (by the instructor or an earlier check-in): nothing changed. */
        ALREADY(false),
        /** Not a code at all (length, characters): not counted as a guess. */
        MALFORMED(false),
        /** No session has this code: a wrong guess. */
        UNKNOWN(true),
        /** The session is of a cohort where the person holds no confirmed seat: counted as a wrong guess. */
        NOT_ENROLLED(true),
        /** The code is right but its session's check-in has not opened yet. */
        NOT_YET(false),
        /** The code is right but its session has ended. */
        ENDED(false),
        /** Too many wrong codes in this window: refused, right or wrong, until {@link CheckIn#at}. */
        TOO_MANY(false);

        private final boolean failure;

        Outcome(boolean failure) {
            this.failure = failure;
        }

        /** Whether it counts against the person's guessing limit. */
        public boolean isFailure() {
            return failure;
        }

        /** Whether the person is marked (now or before). */
        public boolean isMarked() {
            return this == PRESENT || this == LATE || this == ALREADY;
        }
    }

    /**
     * A check-in's answer, with the session when the code named one the person may know of.
     *
     * @param at for {@link Outcome#NOT_YET} when check-in opens; for {@link Outcome#TOO_MANY} when to try again; else null
     */
    public record CheckIn(Outcome outcome, Long sessionId, Long cohortId, String courseTitleJson, String title, Instant startsAt,
            Instant endsAt, String timeZone, Mark mark, Instant at) {

        static CheckIn only(Outcome outcome, Instant at) {
            return new CheckIn(outcome, null, null, null, null, null, null, null, null, at);
        }
    }

    /** One session held in one of the person's cohorts, with their mark (null: not marked). */
    public record SessionMark(long cohortId, long sessionId, String title, Instant startsAt, Instant endsAt, String timeZone, Mark mark) {}

    private record Found(long sessionId, long cohortId, String courseTitleJson, String title, Instant startsAt, Instant endsAt,
            String timeZone, boolean confirmed, Mark mark) {}

    /**
     * The person checks in with the code they typed or scanned.
     *
     * @return what came of it; never an exception for a wrong, expired or early code
     */
    public CheckIn checkIn(long personId, String typed) {
        Optional<String> code = CheckInCode.normalise(typed);
        if (code.isEmpty()) {
            return CheckIn.only(Outcome.MALFORMED, null);
        }
        Instant now = clock.instant();
        AttemptLimit limit = settings.limit();
        Instant window = limit.windowOf(now);
        // One person's tries follow one another, on any instance: the count read is the count that holds.
        em.createNativeQuery("select id from person where id = ?1 for no key update").setParameter(1, personId).getResultList();
        int failures = ((Number) em.createNativeQuery(
                                "select coalesce((select failures from check_in_attempt where person_id = ?1 and window_start = ?2), 0)")
                        .setParameter(1, personId)
                        .setParameter(2, Timestamp.from(window))
                        .getSingleResult())
                .intValue();
        if (!limit.allows(failures)) {
            return CheckIn.only(Outcome.TOO_MANY, limit.retryAt(now));
        }
        Optional<Found> found = Rows.first(em.createNativeQuery("""
                                select s.id, s.cohort_id, c.title as course_title, s.title, s.starts_at, s.ends_at, h.time_zone, a.mark,
                                       exists (select 1 from enrolment e where e.cohort_id = s.cohort_id and e.person_id = ?2
                                               and e.status = 'CONFIRMED') as confirmed
                                from session_check_in k join cohort_session s on s.id = k.session_id join cohort h on h.id = s.cohort_id
                                join course c on c.id = h.course_id
                                left join attendance a on a.session_id = s.id and a.person_id = ?2
                                where k.code = ?1 and s.status <> 'CANCELLED'""")
                        .setParameter(1, code.get())
                        .setParameter(2, personId),
                r -> new Found(r.id("id"), r.id("cohort_id"), r.text("course_title"), r.text("title"), r.instant("starts_at"),
                        r.instant("ends_at"), r.text("time_zone"), r.flag("confirmed"), r.constant(Mark.class, "mark")));
        if (found.isEmpty() || !found.get().confirmed()) {
            fail(personId, window);
            return CheckIn.only(found.isEmpty() ? Outcome.UNKNOWN : Outcome.NOT_ENROLLED, null);
        }
        Found session = found.get();
        CheckInWindow times = settings.window(session.startsAt(), session.endsAt());
        return switch (times.phaseAt(now)) {
            case NOT_YET -> answer(Outcome.NOT_YET, session, session.mark(), times.opensAt());
            case ENDED -> answer(Outcome.ENDED, session, session.mark(), null);
            case OPEN -> Mark.afterCheckIn(session.mark(), times.isLate(now))
                    .map(mark -> write(personId, session, mark, now))
                    .orElseGet(() -> answer(Outcome.ALREADY, session, session.mark(), null));
        };
    }

    /** Writes the check-in's mark; a mark given meanwhile by the instructor (not absent) stands. */
    private CheckIn write(long personId, Found session, Mark mark, Instant now) {
        // The same rule as Mark.afterCheckIn, as the statement's guard: it holds against an instructor's mark written a moment ago.
        @SuppressWarnings("unchecked")
        List<Object> written = em.createNativeQuery("""
                        insert into attendance (session_id, person_id, mark, marked_at, marked_by, via) values (?1, ?2, ?3, ?4, ?2, 'CHECK_IN')
                        on conflict (session_id, person_id) do update
                        set mark = excluded.mark, marked_at = excluded.marked_at, marked_by = excluded.marked_by, via = 'CHECK_IN',
                            version = attendance.version + 1
                        where attendance.mark = 'ABSENT'
                        returning mark""")
                .setParameter(1, session.sessionId())
                .setParameter(2, personId)
                .setParameter(3, mark.name())
                .setParameter(4, Timestamp.from(now))
                .getResultList();
        if (written.isEmpty()) {
            Mark standing = Mark.named(String.valueOf(em.createNativeQuery("select mark from attendance where session_id = ?1 and person_id = ?2")
                    .setParameter(1, session.sessionId())
                    .setParameter(2, personId)
                    .getSingleResult())).orElse(null);
            return answer(Outcome.ALREADY, session, standing, null);
        }
        return answer(mark == Mark.LATE ? Outcome.LATE : Outcome.PRESENT, session, mark, null);
    }

    private static CheckIn answer(Outcome outcome, Found s, Mark mark, Instant at) {
        return new CheckIn(outcome, s.sessionId(), s.cohortId(), s.courseTitleJson(), s.title(), s.startsAt(), s.endsAt(), s.timeZone(), mark, at);
    }

    /** Counts a wrong code in the person's current window, and forgets their earlier windows. */
    private void fail(long personId, Instant window) {
        em.createNativeQuery("delete from check_in_attempt where person_id = ?1 and window_start < ?2")
                .setParameter(1, personId)
                .setParameter(2, Timestamp.from(window))
                .executeUpdate();
        em.createNativeQuery("""
                        insert into check_in_attempt (person_id, window_start, failures) values (?1, ?2, 1)
                        on conflict (person_id, window_start) do update set failures = check_in_attempt.failures + 1""")
                .setParameter(1, personId)
                .setParameter(2, Timestamp.from(window))
                .executeUpdate();
    }

    /**
     * The person's own record: each session held so far (started) in the cohorts where they hold a
     * seat or completed, with their mark, in one statement.
     */
    public List<SessionMark> record(long personId) {
        return Rows.list(em.createNativeQuery("""
                                select s.cohort_id, s.id, s.title, s.starts_at, s.ends_at, h.time_zone, a.mark
                                from enrolment e join cohort h on h.id = e.cohort_id join cohort_session s on s.cohort_id = e.cohort_id
                                left join attendance a on a.session_id = s.id and a.person_id = e.person_id
                                where e.person_id = ?1 and e.status in ('CONFIRMED', 'COMPLETED') and s.starts_at <= ?2
                                order by s.cohort_id, s.starts_at, s.id limit 2000""")
                        .setParameter(1, personId)
                        .setParameter(2, Timestamp.from(clock.instant())),
                r -> new SessionMark(r.id("cohort_id"), r.id("id"), r.text("title"), r.instant("starts_at"), r.instant("ends_at"),
                        r.text("time_zone"), r.constant(Mark.class, "mark")));
    }
}
