package org.hamkke.academy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.hamkke.academy.EnrolmentStatus.Mover;
import org.hamkke.shared.BaseEntity;
import org.hamkke.shared.Refused;
import org.hamkke.shared.StorableText;

/**
 * A person's enrolment in a cohort, from the request to its end. Each move follows
 * {@link EnrolmentStatus}'s machine and reports the seat it takes or frees to its {@link Cohort},
 * which never lets more be taken than it has:
 *
 * <ul>
 *   <li>{@link #offer}: the portal offers a freed seat to the first in line, until a moment;
 *   <li>{@link #accept}: the learner takes it, in time; {@link #decline}: they let it go;
 *   <li>{@link #expire}: the portal ends an offer nobody answered, once its time is up;
 *   <li>{@link #leave}: the learner leaves a request, the waitlist, or a seat before the cohort starts;
 *   <li>{@link #admit} / {@link #refuse}: staff approve or decline a request;
 *   <li>{@link #cancel}: staff cancel, saying why (the learner is told).
 * </ul>
 *
 * The database numbers each event in the cohort's order (requested, waitlisted, seated, ended:
 * V14's trigger); waitlist order is the request's number.
 */
@Entity
@Table(name = "enrolment")
@NamedQuery(name = "Enrolment.active",
        query = "select e from Enrolment e where e.cohort.id = :cohort and e.personId = :person and e.status <> org.hamkke.academy.EnrolmentStatus.CANCELLED")
@NamedQuery(name = "Enrolment.firstInLine",
        query = "select e from Enrolment e where e.cohort.id = :cohort and e.status = org.hamkke.academy.EnrolmentStatus.WAITLISTED order by e.requestedSeq")
@NamedQuery(name = "Enrolment.dueOffers",
        query = "select e.cohort.id from Enrolment e where e.status = org.hamkke.academy.EnrolmentStatus.OFFERED and e.offerExpiresAt <= :now")
public class Enrolment extends BaseEntity {

    static final int NOTE_LENGTH = 1000;

    @ManyToOne(optional = false)
    @JoinColumn(name = "cohort_id", updatable = false)
    private Cohort cohort;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EnrolmentStatus status;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Column(name = "offer_expires_at")
    private Instant offerExpiresAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "ended_reason")
    private EndReason endedReason;

    @Column(name = "ended_note")
    private String endedNote;

    /** The request's place in the cohort's order (the waitlist's order): set by the database. */
    @Column(name = "requested_seq", insertable = false, updatable = false)
    private long requestedSeq;

    protected Enrolment() {}

    /** A new request, in the status its cohort decided ({@link Cohort#enrol}); a confirmed one takes its seat. */
    Enrolment(Cohort cohort, long personId, EnrolmentStatus status, Instant now) {
        if (status != EnrolmentStatus.REQUESTED && status != EnrolmentStatus.CONFIRMED && status != EnrolmentStatus.WAITLISTED) {
            throw new IllegalArgumentException("A request starts as requested, confirmed or waitlisted, not " + status);
        }
        this.cohort = cohort;
        this.personId = personId;
        this.requestedAt = now;
        this.status = status;
        if (status.holdsSeat()) {
            cohort.seatTaken();
        }
    }

    /** The portal offers the first in line a seat that just freed, until {@code now + hold}. */
    void offer(Instant now, Duration hold) {
        move(EnrolmentStatus.OFFERED, Mover.PORTAL);
        offerExpiresAt = now.plus(hold);
    }

    /** Whether an offer's time is up (the portal may not have passed it on yet). */
    public boolean isOfferExpired(Instant now) {
        return status == EnrolmentStatus.OFFERED && !now.isBefore(offerExpiresAt);
    }

    /**
     * The learner takes the seat offered to them: confirmed.
     *
     * @throws Refused "academy.offer.expired" once the offer's time is up
     * @throws EnrolmentStatus.IllegalMoveException when nothing is offered (any more)
     */
    public void accept(Instant now) {
        if (isOfferExpired(now)) {
            throw new Refused("academy.offer.expired");
        }
        move(EnrolmentStatus.CONFIRMED, Mover.LEARNER);
        offerExpiresAt = null;
    }

    /** The learner lets the offered seat go; it passes to the next in line. */
    public void decline(Instant now) {
        end(EndReason.DECLINED, null, Mover.LEARNER, now);
    }

    /**
     * The portal ends an offer whose time is up; the seat passes to the next in line. Asking again
     * (a job run twice, on two instances) changes nothing.
     *
     * @return whether it expired now
     */
    boolean expire(Instant now) {
        if (!isOfferExpired(now)) {
            return false;
        }
        end(EndReason.EXPIRED, null, Mover.PORTAL, now);
        return true;
    }

    /**
     * The learner leaves: a request or a place on the waitlist at any time, an offer by declining
     * it, a confirmed seat until the cohort starts (after that only staff cancel).
     *
     * @throws Refused "academy.leave.started" for a confirmed seat once the cohort has started
     * @throws EnrolmentStatus.IllegalMoveException when it has ended already
     */
    public void leave(Instant now) {
        if (status == EnrolmentStatus.OFFERED) {
            decline(now);
            return;
        }
        if (status == EnrolmentStatus.CONFIRMED && cohort.hasStarted(now)) {
            throw new Refused("academy.leave.started");
        }
        end(EndReason.LEFT, null, Mover.LEARNER, now);
    }

    /** Staff approve a request: a seat, or the waitlist ({@link Cohort#approve} decides). */
    void admit(boolean seat, Instant now) {
        move(seat ? EnrolmentStatus.CONFIRMED : EnrolmentStatus.WAITLISTED, Mover.STAFF);
    }

    /** Staff decline a request, optionally saying why. */
    void refuse(String reason, Instant now) {
        if (status != EnrolmentStatus.REQUESTED) {
            throw new EnrolmentStatus.IllegalMoveException(status, EnrolmentStatus.CANCELLED, Mover.STAFF);
        }
        end(EndReason.REFUSED, note(reason, false), Mover.STAFF, now);
    }

    /**
     * Staff cancel an enrolment; the reason is what the learner reads, so it is required.
     *
     * @throws Refused "academy.cancel.reasonRequired", or the reason's text problem
     */
    void cancel(String reason, Instant now) {
        end(EndReason.STAFF, note(reason, true), Mover.STAFF, now);
    }

    /**
     * The course's completion rule is met ({@link Course#isCompletedBy}): the portal records it from
     * attendance and the assessment, or staff do on the roster. The caller fires
     * {@link EnrolmentCompleted} in the same transaction, so a certificate follows exactly when this
     * committed.
     */
    void complete(Mover mover) {
        move(EnrolmentStatus.COMPLETED, mover);
    }

    /**
     * Refuses to act on an enrolment that changed since staff saw it on the roster (they saw
     * {@code seenVersion}): the roster shows it again as it is now.
     */
    void requireSeen(long seenVersion) {
        if (getVersion() != seenVersion) {
            throw new Refused("academy.changedMeanwhile");
        }
    }

    private static String note(String reason, boolean required) {
        String trimmed = StorableText.checked(reason, NOTE_LENGTH);
        if (trimmed == null && required) {
            throw new Refused("academy.cancel.reasonRequired");
        }
        return trimmed;
    }

    private void end(EndReason reason, String note, Mover mover, Instant now) {
        move(EnrolmentStatus.CANCELLED, mover);
        offerExpiresAt = null;
        endedAt = now;
        endedReason = reason;
        endedNote = note;
    }

    /** Every status change: the machine's permission, then the seat it takes or frees. */
    private void move(EnrolmentStatus to, Mover mover) {
        EnrolmentStatus from = status;
        status = from.moveTo(to, mover);
        if (to.holdsSeat() && !from.holdsSeat()) {
            cohort.seatTaken();
        } else if (from.holdsSeat() && !to.holdsSeat()) {
            cohort.seatFreed();
        }
    }

    public Cohort getCohort() {
        return cohort;
    }

    public long getPersonId() {
        return personId;
    }

    public EnrolmentStatus getStatus() {
        return status;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getOfferExpiresAt() {
        return offerExpiresAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public EndReason getEndedReason() {
        return endedReason;
    }

    public String getEndedNote() {
        return endedNote;
    }

    public long getRequestedSeq() {
        return requestedSeq;
    }
}
