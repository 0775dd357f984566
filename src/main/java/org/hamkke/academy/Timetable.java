package org.hamkke.academy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDateTime;
import org.hamkke.identity.Allowed;
import org.hamkke.identity.Role;
import org.hamkke.shared.audit.Actor;

/**
 * The door staff's pages use for every change of where and when sessions take place: a cohort's
 * room and instructors, new sessions, a move (the calendar's drag, its dialog, the cohort's list)
 * and a cancellation. Each change runs in its own transaction ({@link Cohorts}), where the
 * timetable's rule refuses a clash before anything is written. When another instance booked the
 * same room or person at the same moment, the rule could not see it and the database refuses
 * instead (V15's exclusion constraints): this class then asks, in a new transaction, which session
 * won, and refuses with the very message the rule gives ({@link SessionClash}). That is why it
 * holds no transaction of its own: the explanation must read what the winner committed.
 */
@Allowed({Role.STAFF, Role.ADMIN})
@ApplicationScoped
@Transactional(Transactional.TxType.NEVER)
public class Timetable {

    @Inject
    Cohorts cohorts;

    /** {@link Cohorts#save}, its room or instructors checked against its sessions. */
    public long saveCohort(Actor actor, CohortForm form) {
        return Clashes.translated(() -> cohorts.save(actor, form), () -> cohorts.explainSave(form));
    }

    /** {@link Cohorts#schedule}: one session or a series, where room and people are free. */
    public int schedule(Actor actor, long cohortId, SessionForm form) {
        return Clashes.translated(() -> cohorts.schedule(actor, cohortId, form), () -> cohorts.explainSchedule(cohortId, form));
    }

    /** {@link Cohorts#move}: to a new start and end on the cohort's wall clock. */
    public Cohorts.SessionLine move(Actor actor, long sessionId, long seenVersion, LocalDateTime start, LocalDateTime end) {
        return Clashes.translated(() -> cohorts.move(actor, sessionId, seenVersion, start, end),
                () -> cohorts.explainMove(sessionId, start, end));
    }

    /** {@link Cohorts#cancel}: with the staff's reason. A cancellation frees its bookings, so it never clashes. */
    public Cohorts.SessionLine cancel(Actor actor, long sessionId, long seenVersion, String reason) {
        return cohorts.cancel(actor, sessionId, seenVersion, reason);
    }
}
