package org.hamkke.academy;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where an enrolment is, and the only moves allowed from each status, by whom: the academy's state
 * machine, tested exhaustively (every status x every target x every mover). {@link Enrolment}
 * makes every move through {@link #moveTo}.
 *
 * <pre>
 * (request) -> REQUESTED  (approval required)     -> CONFIRMED / WAITLISTED  (staff approve: a seat, or the waitlist)
 *           -> CONFIRMED  (a seat was free)        REQUESTED -> CANCELLED     (staff decline; the learner withdraws)
 *           -> WAITLISTED (full, or others wait)
 * WAITLISTED -> OFFERED   (the portal: a seat freed and this is the first in line)
 * OFFERED    -> CONFIRMED (the learner accepts in time)
 * OFFERED    -> CANCELLED (the learner declines; the portal, when the offer expires)
 * CONFIRMED  -> COMPLETED (the portal or staff, from the course's completion rule)
 * any but COMPLETED -> CANCELLED (the learner leaves; staff cancel with a reason)
 * </pre>
 *
 * A learner leaving a confirmed seat must do so before the cohort starts: that rule needs the
 * cohort's dates and lives in {@link Enrolment#leave}.
 */
public enum EnrolmentStatus {
    REQUESTED,
    CONFIRMED,
    WAITLISTED,
    OFFERED,
    CANCELLED,
    COMPLETED;

    /** Who makes a move. */
    public enum Mover {
        /** The learner, for themselves. */
        LEARNER,
        /** Programme staff, on the roster. */
        STAFF,
        /** The portal itself: offering a freed seat, expiring an offer, completing a course. */
        PORTAL
    }

    private static final Map<Mover, Map<EnrolmentStatus, Set<EnrolmentStatus>>> MOVES = new EnumMap<>(Mover.class);

    static {
        Map<EnrolmentStatus, Set<EnrolmentStatus>> learner = new EnumMap<>(EnrolmentStatus.class);
        learner.put(REQUESTED, EnumSet.of(CANCELLED));
        learner.put(WAITLISTED, EnumSet.of(CANCELLED));
        learner.put(OFFERED, EnumSet.of(CONFIRMED, CANCELLED));
        learner.put(CONFIRMED, EnumSet.of(CANCELLED));
        Map<EnrolmentStatus, Set<EnrolmentStatus>> staff = new EnumMap<>(EnrolmentStatus.class);
        staff.put(REQUESTED, EnumSet.of(CONFIRMED, WAITLISTED, CANCELLED));
        staff.put(WAITLISTED, EnumSet.of(CANCELLED));
        staff.put(OFFERED, EnumSet.of(CANCELLED));
        staff.put(CONFIRMED, EnumSet.of(CANCELLED, COMPLETED));
        Map<EnrolmentStatus, Set<EnrolmentStatus>> portal = new EnumMap<>(EnrolmentStatus.class);
        portal.put(WAITLISTED, EnumSet.of(OFFERED));
        portal.put(OFFERED, EnumSet.of(CANCELLED));
        portal.put(CONFIRMED, EnumSet.of(COMPLETED));
        MOVES.put(Mover.LEARNER, learner);
        MOVES.put(Mover.STAFF, staff);
        MOVES.put(Mover.PORTAL, portal);
    }

    /** The statuses this mover may move an enrolment to from this one. */
    public Set<EnrolmentStatus> movesFor(Mover mover) {
        return Collections.unmodifiableSet(MOVES.get(mover).getOrDefault(this, EnumSet.noneOf(EnrolmentStatus.class)));
    }

    public boolean allows(Mover mover, EnrolmentStatus to) {
        return movesFor(mover).contains(to);
    }

    /**
     * Whether the enrolment holds a seat of the cohort: confirmed, offered (the seat is kept for the
     * person until the offer ends) or completed. The database counts the same three (V14's trigger).
     */
    public boolean holdsSeat() {
        return this == CONFIRMED || this == OFFERED || this == COMPLETED;
    }

    /** Whether it still counts as the person's enrolment in the cohort (at most one such per person and cohort). */
    public boolean isActive() {
        return this != CANCELLED;
    }

    /** Nothing moves after this. */
    public boolean isFinal() {
        return this == CANCELLED || this == COMPLETED;
    }

    /**
     * The status after the move, or an exception naming the refused move.
     *
     * @throws IllegalMoveException when this mover may not make this move from here
     */
    public EnrolmentStatus moveTo(EnrolmentStatus to, Mover mover) {
        if (!allows(mover, to)) {
            throw new IllegalMoveException(this, to, mover);
        }
        return to;
    }

    /**
     * A move the state machine does not allow: a page offered an action that no longer applies (the
     * offer was taken meanwhile, staff cancelled first). Shown as "this changed meanwhile".
     */
    public static final class IllegalMoveException extends RuntimeException {
        private final EnrolmentStatus from;

        IllegalMoveException(EnrolmentStatus from, EnrolmentStatus to, Mover mover) {
            super(mover + " may not move an enrolment from " + from + " to " + to);
            this.from = from;
        }

        /** Where the enrolment is now. */
        public EnrolmentStatus from() {
            return from;
        }
    }
}
