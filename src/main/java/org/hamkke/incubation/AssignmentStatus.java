package org.hamkke.incubation;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a mentor's assignment to a venture is, and the only moves allowed from each status, by
 * whom. {@link MentorAssignment} makes every move through {@link #moveTo}.
 *
 * <pre>
 * (staff offer)  -> OFFERED
 * OFFERED -> ACTIVE     (the mentor accepts, in time)
 * OFFERED -> DECLINED   (the mentor declines)
 * OFFERED -> EXPIRED    (the portal: nobody answered in time; staff are told)
 * OFFERED -> WITHDRAWN  (staff take the offer back)
 * ACTIVE  -> ENDED      (staff end it, or the portal after its end date)
 * ACTIVE  -> NOT_A_FIT  (the mentor, a member or staff: the venture goes back to matching)
 * </pre>
 *
 * OFFERED and ACTIVE are live: each holds one of the mentor's places (V19 counts them against the cap).
 */
public enum AssignmentStatus {
    OFFERED,
    ACTIVE,
    DECLINED,
    EXPIRED,
    ENDED,
    NOT_A_FIT,
    WITHDRAWN;

    /** Who makes a move. */
    public enum Mover {
        STAFF,
        MENTOR,
        MEMBER,
        PORTAL
    }

    /** A move its status machine does not allow (already answered, or not the mover's to make). */
    public static class IllegalMoveException extends RuntimeException {
        public IllegalMoveException(AssignmentStatus from, AssignmentStatus to, Mover mover) {
            super(mover + " may not move an assignment from " + from + " to " + to);
        }
    }

    private static final Map<Mover, Map<AssignmentStatus, Set<AssignmentStatus>>> MOVES = new EnumMap<>(Mover.class);

    static {
        MOVES.put(Mover.STAFF, Map.of(OFFERED, EnumSet.of(WITHDRAWN), ACTIVE, EnumSet.of(ENDED, NOT_A_FIT)));
        MOVES.put(Mover.MENTOR, Map.of(OFFERED, EnumSet.of(ACTIVE, DECLINED), ACTIVE, EnumSet.of(NOT_A_FIT)));
        MOVES.put(Mover.MEMBER, Map.of(ACTIVE, EnumSet.of(NOT_A_FIT)));
        MOVES.put(Mover.PORTAL, Map.of(OFFERED, EnumSet.of(EXPIRED), ACTIVE, EnumSet.of(ENDED)));
    }

    /** Holds one of the mentor's places. */
    public boolean isLive() {
        return this == OFFERED || this == ACTIVE;
    }

    public boolean allows(AssignmentStatus to, Mover mover) {
        return MOVES.get(mover).getOrDefault(this, Set.of()).contains(to);
    }

    /** @throws IllegalMoveException unless {@link #allows} */
    public AssignmentStatus moveTo(AssignmentStatus to, Mover mover) {
        if (!allows(to, mover)) {
            throw new IllegalMoveException(this, to, mover);
        }
        return to;
    }
}
