package org.hamkke.academy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamkke.shared.db.Rows;

/**
 * How the academy's services work on a cohort's seats, inside their own transactions: lock the
 * cohort first, then read, decide (the entities' rules), write, and offer whatever seat that
 * freed to the first in line.
 *
 * <p><b>Why the lock</b>: every change to a cohort's enrolments, on any instance, starts by taking
 * the cohort's row lock ({@code select ... for update}) and reading the cohort again under it. Two
 * learners clicking "enrol" for the last seat at once then follow one another: the second reads
 * the seat as taken and joins the waitlist, behind the first. The same lock orders the waitlist
 * (the database numbers the requests as they pass it) and keeps one offer per freed seat. The
 * database's check on the seats taken stays the backstop if any code forgot the lock.
 *
 * <p><b>Why the flush</b>: seats freed are written before seats given ({@link #fill}); EclipseLink
 * writes one flush's changes in id order, which could give a seat before the one it replaces was
 * freed and trip the database's check for a moment that never existed.
 */
@ApplicationScoped
class Seats {

    @Inject
    EntityManager em;

    @Inject
    AcademyNotices notices;

    /** How long an offered seat is held for the person before it passes on (MicroProfile Config). */
    @Inject
    @ConfigProperty(name = "hamkke.academy.offer-hold", defaultValue = "PT48H")
    Duration hold;

    /**
     * The cohort, locked for the rest of the transaction; empty when there is none. One statement
     * locks the row and reads it ({@code select ... for update} mapped to the entity): what it reads
     * is what the last holder committed, since it is the transaction's first read of the cohort
     * (the academy's entities are not in the shared cache). Not {@code em.find} with a lock mode:
     * EclipseLink then refreshes the cohort's private parts too (invitations, instructors,
     * sessions), every one of them read under the lock on every enrolment. One statement, because
     * the time the lock is held is the time a burst of enrolments waits in line: every round trip
     * under it is paid once per person (BENCHMARKS.md, the fairness burst).
     */
    Optional<Cohort> lock(long cohortId) {
        @SuppressWarnings("unchecked")
        List<Cohort> locked = em.createNativeQuery("select h.* from cohort h where h.id = ?1 for update", Cohort.class)
                .setParameter(1, cohortId)
                .getResultList();
        return locked.stream().findFirst();
    }

    /** The person's enrolment in the cohort that is not cancelled, if any (at most one: V14's unique index). */
    Optional<Enrolment> active(long cohortId, long personId) {
        return em.createNamedQuery("Enrolment.active", Enrolment.class)
                .setParameter("cohort", cohortId)
                .setParameter("person", personId)
                .getResultStream()
                .findFirst();
    }

    /** How many wait for a seat of the cohort, and whether the person holds a live enrolment in it. */
    record Line(long waiting, boolean enrolled) {}

    /** The cohort's line and the person's place in it, in one statement (two index lookups). */
    Line line(long cohortId, long personId) {
        return Rows.first(em.createNativeQuery("""
                                select (select count(*) from enrolment where cohort_id = ?1 and status = 'WAITLISTED') as waiting,
                                       exists (select 1 from enrolment where cohort_id = ?1 and person_id = ?2 and status <> 'CANCELLED') as enrolled""")
                        .setParameter(1, cohortId)
                        .setParameter(2, personId),
                r -> new Line(r.id("waiting"), r.flag("enrolled"))).orElseThrow();
    }

    /** How many wait for a seat of the cohort. */
    long waiting(long cohortId) {
        return ((Number) em.createNativeQuery("select count(*) from enrolment where cohort_id = ?1 and status = 'WAITLISTED'")
                        .setParameter(1, cohortId)
                        .getSingleResult())
                .longValue();
    }

    /** The place of a waitlisted enrolment in its line, counted from 1 (request order). */
    long position(Enrolment e) {
        return ((Number) em.createNativeQuery("""
                                select count(*) from enrolment w
                                where w.cohort_id = ?1 and w.status = 'WAITLISTED'
                                  and w.requested_seq <= (select requested_seq from enrolment where id = ?2)""")
                        .setParameter(1, e.getCohort().getId())
                        .setParameter(2, e.getId())
                        .getSingleResult())
                .longValue();
    }

    /**
     * Offers each free seat of the locked cohort to the first in line, and tells them
     * ({@link Cohort#offerFreeSeats}). Called after anything that may free a seat.
     *
     * @return how many were offered a seat
     */
    int fill(Cohort cohort, Instant now) {
        int free = cohort.freeSeats();
        if (free == 0) {
            return 0;
        }
        em.flush();
        List<Enrolment> firstInLine = em.createNamedQuery("Enrolment.firstInLine", Enrolment.class)
                .setParameter("cohort", cohort.getId())
                .setMaxResults(free)
                .getResultList();
        List<Enrolment> offered = cohort.offerFreeSeats(firstInLine, now, hold);
        offered.forEach(notices::offered);
        return offered.size();
    }

    /**
     * Ends an offer whose time is up ({@link Enrolment#expire}), tells its person, and offers the
     * seat to the next in line. Nothing when it is not (or no longer) due.
     *
     * @return whether it expired now
     */
    boolean expire(Enrolment offer, Cohort cohort, Instant now) {
        if (!offer.expire(now)) {
            return false;
        }
        notices.offerExpired(offer);
        fill(cohort, now);
        return true;
    }

    /** Writes a new enrolment now, so it has its id (for its notice) and its place in the order. */
    void persist(Enrolment e) {
        em.persist(e);
        em.flush();
    }

    /**
     * Tells the person where their new or approved enrolment stands.
     *
     * @return its place in line when waitlisted, else 0
     */
    long tell(Enrolment e) {
        return tell(e, e.getStatus() == EnrolmentStatus.WAITLISTED ? position(e) : 0);
    }

    /** As {@link #tell(Enrolment)}, its place in line already known (a new request's: last). */
    long tell(Enrolment e, long position) {
        switch (e.getStatus()) {
            case CONFIRMED -> notices.confirmed(e);
            case WAITLISTED -> notices.waitlisted(e, position);
            case REQUESTED -> notices.requested(e);
            default -> {}
        }
        return position;
    }

    /** Whether the person's address is on the cohort's invitation list (one look in its index, not the list). */
    boolean invited(long cohortId, long personId) {
        return (Boolean) em.createNativeQuery("""
                        select exists (select 1 from person p where p.id = ?2 and exists (
                                         select 1 from cohort_invitation i where i.cohort_id = ?1 and i.email = lower(p.email)))""")
                .setParameter(1, cohortId)
                .setParameter(2, personId)
                .getSingleResult();
    }
}
