package org.hamkke.intake;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where an application is in the pipeline, and the only moves allowed from each stage: the one
 * state machine of intake. Every move is made through {@link #moveTo} (and recorded with who,
 * when and why by the service); anything else is refused.
 *
 * <pre>
 * SUBMITTED -> SCREENING -> IN_REVIEW -> INTERVIEW -> ACCEPTED
 *     |            |           |  \          |   \---> WAITLISTED -> ACCEPTED / REJECTED
 *     +------------+-----------+---+---------+------> REJECTED
 * any stage before a final decision -> WITHDRAWN (the applicant's own choice only)
 * </pre>
 */
public enum Stage {
    SUBMITTED,
    SCREENING,
    IN_REVIEW,
    INTERVIEW,
    ACCEPTED,
    WAITLISTED,
    REJECTED,
    WITHDRAWN;

    /** Who makes a move: staff move applications along; only the applicant withdraws. */
    public enum Mover {
        STAFF,
        APPLICANT
    }

    private static final Map<Stage, Set<Stage>> STAFF_MOVES = new EnumMap<>(Stage.class);

    static {
        STAFF_MOVES.put(SUBMITTED, EnumSet.of(SCREENING, REJECTED));
        STAFF_MOVES.put(SCREENING, EnumSet.of(IN_REVIEW, REJECTED));
        STAFF_MOVES.put(IN_REVIEW, EnumSet.of(INTERVIEW, ACCEPTED, WAITLISTED, REJECTED));
        STAFF_MOVES.put(INTERVIEW, EnumSet.of(ACCEPTED, WAITLISTED, REJECTED));
        STAFF_MOVES.put(WAITLISTED, EnumSet.of(ACCEPTED, REJECTED));
        STAFF_MOVES.put(ACCEPTED, EnumSet.noneOf(Stage.class));
        STAFF_MOVES.put(REJECTED, EnumSet.noneOf(Stage.class));
        STAFF_MOVES.put(WITHDRAWN, EnumSet.noneOf(Stage.class));
    }

    /** The stages staff may move an application to from this one. */
    public Set<Stage> staffMoves() {
        return Collections.unmodifiableSet(STAFF_MOVES.get(this));
    }

    /** A decision the applicant is told about, with a message. */
    public boolean isDecision() {
        return this == ACCEPTED || this == WAITLISTED || this == REJECTED;
    }

    /** Nothing moves after this (a published decision is never silently changed). */
    public boolean isFinal() {
        return this == ACCEPTED || this == REJECTED || this == WITHDRAWN;
    }

    /** Whether the applicant may still withdraw: until a final decision. */
    public boolean isWithdrawable() {
        return !isFinal();
    }

    public boolean allows(Mover mover, Stage to) {
        return switch (mover) {
            case STAFF -> staffMoves().contains(to);
            case APPLICANT -> to == WITHDRAWN && isWithdrawable();
        };
    }

    /**
     * The stage after a move, or an exception naming the refused move.
     *
     * @throws IllegalMoveException when the move is not allowed from here for this mover
     */
    public Stage moveTo(Stage to, Mover mover) {
        if (!allows(mover, to)) {
            throw new IllegalMoveException(this, to, mover);
        }
        return to;
    }

    /** A move the state machine does not allow. */
    public static final class IllegalMoveException extends RuntimeException {
        private final Stage from;
        private final Stage to;

        IllegalMoveException(Stage from, Stage to, Mover mover) {
            super(mover + " may not move an application from " + from + " to " + to);
            this.from = from;
            this.to = to;
        }

        public Stage from() {
            return from;
        }

        public Stage to() {
            return to;
        }
    }
}
