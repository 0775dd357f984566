package org.hamkke.academy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hamkke.academy.EnrolmentStatus.Mover;
import org.hamkke.shared.db.Rows;

/**
 * How a cohort's qualifying learners are completed, for whoever asks (the scheduled job, an
 * instructor's or staff's "complete now"), inside the caller's transaction:
 *
 * <ol>
 *   <li>the cohort's row lock first ({@link Seats#lock}), as for every change of its enrolments: two
 *       runs at once (the job on two instances, the job and a "complete now") follow one another,
 *       and the second finds the first's completions already made;
 *   <li>one statement reads each confirmed learner's sessions attended ({@link Mark#attended}) and
 *       passed assessment, and the cohort's sessions;
 *   <li>the course's rule decides ({@link Course#isCompletedBy}); each qualifying enrolment moves
 *       to completed ({@link Enrolment#complete}) and {@link EnrolmentCompleted} is fired for it,
 *       synchronously, after the move is written, in the same transaction: an observer's work (the
 *       certificate) commits or rolls back with the completion. An enrolment already completed is
 *       no longer confirmed and is not read again, so each completion fires once.
 * </ol>
 */
@ApplicationScoped
class Completer {

    @Inject
    EntityManager em;

    @Inject
    Seats seats;

    @Inject
    Event<EnrolmentCompleted> completed;

    /** A confirmed learner of the cohort, as the rule reads them, with the cohort's number of sessions (the rule's denominator). */
    record Standing(long enrolmentId, long personId, int attended, boolean passed, int sessions) {

        boolean meets(Course course) {
            return course.isCompletedBy(attended, sessions, passed);
        }
    }

    /**
     * A cohort is over when its last session has ended; one without sessions when its last day is
     * over. The job completes only cohorts that are over; people may complete earlier.
     */
    static boolean isOver(Cohort cohort, Instant now) {
        Instant end = cohort.getSessions().stream().map(Session::getEndsAt).max(Instant::compareTo).orElse(cohort.endsAt());
        return !now.isBefore(end);
    }

    /**
     * Completes every confirmed enrolment of the cohort that meets its course's rule.
     *
     * @param onlyWhenOver when true (the job), nothing happens unless the cohort is over ({@link #isOver}), read under the lock
     * @return the enrolments completed now (empty when there is no such cohort)
     */
    List<Long> complete(long cohortId, Mover mover, Instant now, boolean onlyWhenOver) {
        Cohort cohort = seats.lock(cohortId).orElse(null);
        if (cohort == null || onlyWhenOver && !isOver(cohort, now)) {
            return List.of();
        }
        Course course = cohort.getCourse();
        List<Standing> qualifying = standings(cohortId).stream().filter(s -> s.meets(course)).toList();
        if (qualifying.isEmpty()) {
            return List.of();
        }
        Map<Long, Enrolment> confirmed = em.createQuery("""
                        select e from Enrolment e where e.cohort.id = :cohort and e.status = org.hamkke.academy.EnrolmentStatus.CONFIRMED""",
                        Enrolment.class)
                .setParameter("cohort", cohortId)
                .getResultStream()
                .collect(Collectors.toMap(Enrolment::getId, Function.identity()));
        List<Long> done = new ArrayList<>();
        for (Standing s : qualifying) {
            Enrolment enrolment = confirmed.get(s.enrolmentId());
            if (enrolment != null) {
                enrolment.complete(mover);
                done.add(enrolment.getId());
            }
        }
        // Written before anyone hears of it: an observer reading the enrolment sees it completed.
        em.flush();
        for (long id : done) {
            Enrolment e = confirmed.get(id);
            completed.fire(new EnrolmentCompleted(id, e.getPersonId(), cohortId));
        }
        return done;
    }

    /** Each confirmed learner of the cohort with their sessions attended (of all) and whether they passed the assessment: one statement. */
    List<Standing> standings(long cohortId) {
        return Rows.list(em.createNativeQuery("""
                                select e.id, e.person_id, coalesce(t.attended, 0) as attended, coalesce(f.passed, false) as passed,
                                       (select count(*) from cohort_session s where s.cohort_id = ?1 and s.status <> 'CANCELLED') as sessions
                                from enrolment e
                                left join (select a.person_id, count(*) as attended from attendance a join cohort_session s on s.id = a.session_id
                                           where s.cohort_id = ?1 and s.status <> 'CANCELLED' and a.mark <> 'ABSENT' group by a.person_id) t on t.person_id = e.person_id
                                left join final_assessment f on f.enrolment_id = e.id
                                where e.cohort_id = ?1 and e.status = 'CONFIRMED'
                                order by e.id""")
                        .setParameter(1, cohortId),
                r -> new Standing(r.id("id"), r.id("person_id"), r.integer("attended"), r.flag("passed"), r.integer("sessions")));
    }
}
