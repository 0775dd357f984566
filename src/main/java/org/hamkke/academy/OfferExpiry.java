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
import org.hamkke.identity.Allowed;

/**
 * The portal's own work on offers, run by {@link WaitlistOfferExpiryJob}: offers whose time is up
 * are ended and their seats passed to the next in line; offers about to end are reminded once.
 * Safe to run twice, or on two instances at once: each cohort is worked on under its row lock and
 * an offer already passed on is no longer due; a reminder is claimed by one update and keyed as a
 * notice, so it goes out once.
 */
@Allowed(portal = true)
@ApplicationScoped
@Transactional
public class OfferExpiry {

    @Inject
    EntityManager em;

    @Inject
    Seats seats;

    @Inject
    AcademyNotices notices;

    /** How long before an offer ends its person is reminded (MicroProfile Config). */
    @Inject
    @ConfigProperty(name = "hamkke.academy.offer-reminder-before", defaultValue = "PT12H")
    Duration remindBefore;

    /** The cohorts with an offer whose time is up. */
    public List<Long> cohortsWithDueOffers(Instant now) {
        return em.createNamedQuery("Enrolment.dueOffers", Long.class)
                .setParameter("now", now)
                .getResultStream()
                .distinct()
                .toList();
    }

    /**
     * Ends the cohort's offers whose time is up, oldest first, and offers each freed seat to the
     * next in line ({@link Seats#expire}): one transaction per cohort, under its lock.
     *
     * @return how many offers ended now
     */
    public int expireIn(long cohortId, Instant now) {
        Cohort cohort = seats.lock(cohortId).orElse(null);
        if (cohort == null) {
            return 0;
        }
        List<Enrolment> due = em.createQuery("""
                        select e from Enrolment e where e.cohort.id = :cohort and e.status = org.hamkke.academy.EnrolmentStatus.OFFERED
                        and e.offerExpiresAt <= :now order by e.offerExpiresAt, e.id""", Enrolment.class)
                .setParameter("cohort", cohortId)
                .setParameter("now", now)
                .getResultList();
        int expired = 0;
        for (Enrolment offer : due) {
            if (seats.expire(offer, cohort, now)) {
                expired++;
            }
        }
        return expired;
    }

    /**
     * Reminds the people whose offer ends within {@code hamkke.academy.offer-reminder-before} and
     * who were not reminded yet. The update claims each offer once, whichever instance runs.
     *
     * @return how many were reminded now
     */
    public int remindEnding(Instant now) {
        @SuppressWarnings("unchecked")
        List<Object> claimed = em.createNativeQuery("""
                        update enrolment set offer_reminded_at = ?1
                        where status = 'OFFERED' and offer_reminded_at is null and offer_expires_at > ?1 and offer_expires_at <= ?2
                        returning id""")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, Timestamp.from(now.plus(remindBefore)))
                .getResultList();
        for (Object id : claimed) {
            notices.offerEnding(em.find(Enrolment.class, ((Number) id).longValue()));
        }
        return claimed.size();
    }
}
