package org.hamkke.academy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamkke.academy.EnrolmentStatus.Mover;
import org.hamkke.identity.Allowed;
import org.hamkke.shared.audit.Actor;
import org.hamkke.shared.audit.AuditLog;

/**
 * The portal's own completion work, run by {@link CourseCompletionJob}: cohorts that are over
 * ({@link Completer#isOver}) and still hold confirmed learners have those who meet the course's
 * rule completed, one transaction per cohort under its lock ({@link Completer}). Safe to run twice,
 * or on two instances at once: a completed enrolment is no longer confirmed, so a second run finds
 * nothing to do and fires nothing.
 *
 * <p>Learners who do not meet the rule stay confirmed: an assessment recorded later, or a mark
 * corrected, lets a later run complete them. The job looks back {@code hamkke.academy.completion-lookback}
 * (30 days) so it does not read every old cohort forever; after that, an instructor's or staff's
 * "complete now" still applies the same rule.
 */
@Allowed(portal = true)
@ApplicationScoped
@Transactional
public class CompletionRuns {

    @Inject
    EntityManager em;

    @Inject
    Completer completer;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "hamkke.academy.completion-lookback", defaultValue = "P30D")
    Duration lookback;

    /** Cohorts over by {@code now} (within the look-back) that still hold confirmed learners. */
    public List<Long> dueCohorts(Instant now) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("""
                        select h.id from cohort h
                        where exists (select 1 from enrolment e where e.cohort_id = h.id and e.status = 'CONFIRMED')
                          and coalesce((select max(s.ends_at) from cohort_session s where s.cohort_id = h.id and s.status <> 'CANCELLED'),
                                       (h.ends_on + 1)::timestamp at time zone h.time_zone) between ?2 and ?1
                        order by h.id""")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, Timestamp.from(now.minus(lookback)))
                .getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    /**
     * Completes the qualifying confirmed learners of a cohort that is over (checked again under its lock).
     *
     * @return how many were completed now
     */
    public int completeEnded(long cohortId, Instant now) {
        List<Long> done = completer.complete(cohortId, Mover.PORTAL, now, true);
        if (!done.isEmpty()) {
            audit.record(Actor.SYSTEM, "cohort.complete", Cohorts.AUDIT_TYPE, String.valueOf(cohortId),
                    done.size() + " completed by the scheduled job");
        }
        return done.size();
    }
}
