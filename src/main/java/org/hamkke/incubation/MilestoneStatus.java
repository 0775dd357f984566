package org.hamkke.incubation;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a venture's milestone is, and the only moves allowed from each status, by whom.
 * {@link Milestone} makes every move through {@link #moveTo}.
 *
 * <pre>
 * (plan)               -> OPEN
 * OPEN               -> SUBMITTED           (a member submits evidence)
 * REVISION_REQUESTED -> SUBMITTED           (a member resubmits)
 * SUBMITTED          -> SUBMITTED           (a member adds evidence before it is graded: the latest is graded)
 * SUBMITTED          -> PASSED              (the assigned mentor grades it)
 * SUBMITTED          -> REVISION_REQUESTED  (the assigned mentor grades it, saying what to change)
 * PASSED             -> REVISION_REQUESTED  (the mentor corrects the latest grade, with a reason)
 * REVISION_REQUESTED -> PASSED              (the same, the other way)
 * OPEN, SUBMITTED, REVISION_REQUESTED -> DROPPED  (staff, with a reason)
 * </pre>
 *
 * PASSED and DROPPED take no more evidence (V20's trigger holds that too); a passed milestone is
 * done and is not dropped; nothing leaves DROPPED.
 */
public enum MilestoneStatus {
    OPEN,
    SUBMITTED,
    PASSED,
    REVISION_REQUESTED,
    DROPPED;

    /** Who makes a move. */
    public enum Mover {
        STAFF,
        MENTOR,
        MEMBER
    }

    /** A move the machine does not allow: the milestone changed meanwhile, or the move is not the mover's. */
    public static class IllegalMoveException extends RuntimeException {
        public IllegalMoveException(MilestoneStatus from, MilestoneStatus to, Mover mover) {
            super(mover + " may not move a milestone from " + from + " to " + to);
        }
    }

    private static final Map<Mover, Map<MilestoneStatus, Set<MilestoneStatus>>> MOVES = new EnumMap<>(Mover.class);

    static {
        MOVES.put(Mover.MEMBER, Map.of(OPEN, EnumSet.of(SUBMITTED), SUBMITTED, EnumSet.of(SUBMITTED), REVISION_REQUESTED, EnumSet.of(SUBMITTED)));
        MOVES.put(Mover.MENTOR, Map.of(SUBMITTED, EnumSet.of(PASSED, REVISION_REQUESTED), PASSED, EnumSet.of(REVISION_REQUESTED),
                REVISION_REQUESTED, EnumSet.of(PASSED)));
        MOVES.put(Mover.STAFF, Map.of(OPEN, EnumSet.of(DROPPED), SUBMITTED, EnumSet.of(DROPPED), REVISION_REQUESTED, EnumSet.of(DROPPED)));
    }

    /** Members may still submit evidence (the milestone is neither passed nor dropped). */
    public boolean takesEvidence() {
        return this == OPEN || this == SUBMITTED || this == REVISION_REQUESTED;
    }

    /** Still to be done by the venture: its due date matters. */
    public boolean isOutstanding() {
        return this == OPEN || this == REVISION_REQUESTED;
    }

    /** Staff may still move its due date or drop it. */
    public boolean isPlanned() {
        return this != PASSED && this != DROPPED;
    }

    public boolean allows(MilestoneStatus to, Mover mover) {
        return MOVES.get(mover).getOrDefault(this, Set.of()).contains(to);
    }

    /** @throws IllegalMoveException unless {@link #allows} */
    public MilestoneStatus moveTo(MilestoneStatus to, Mover mover) {
        if (!allows(to, mover)) {
            throw new IllegalMoveException(this, to, mover);
        }
        return to;
    }
}
