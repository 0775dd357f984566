package org.hamkke.academy;

import java.time.Duration;
import java.time.Instant;

/**
 * When a session's check-in code works: from a little before the session starts (people arrive
 * early and the instructor shows the code as they come in) until the session ends. A check-in after
 * the grace period past the start marks the learner late.
 *
 * <pre>
 *   opensAt = start - opensBefore      startsAt        lateFrom = start + lateAfter (at most the end)     endsAt
 *   |---- present ------------------------|------------------|------------ late ----------------------------|
 * </pre>
 *
 * @param opensAt  the first moment the code is accepted
 * @param startsAt the session's start
 * @param lateFrom from this moment a check-in marks late
 * @param endsAt   the session's end: from this moment the code is refused as expired
 */
public record CheckInWindow(Instant opensAt, Instant startsAt, Instant lateFrom, Instant endsAt) {

    /** Where a moment falls against the window. */
    public enum Phase {
        /** Too early: the code does not work yet. */
        NOT_YET,
        /** The code works. */
        OPEN,
        /** The session has ended: the code has expired. */
        ENDED
    }

    /**
     * The window of a session from {@code start} to {@code end}.
     *
     * @param opensBefore how long before the start the code works (not negative)
     * @param lateAfter   how long after the start a check-in still counts as present (not negative)
     */
    public static CheckInWindow of(Instant start, Instant end, Duration opensBefore, Duration lateAfter) {
        if (opensBefore.isNegative() || lateAfter.isNegative() || !end.isAfter(start)) {
            throw new IllegalArgumentException("A window needs an end after its start and no negative margins");
        }
        Instant late = start.plus(lateAfter);
        return new CheckInWindow(start.minus(opensBefore), start, late.isAfter(end) ? end : late, end);
    }

    public Phase phaseAt(Instant now) {
        if (now.isBefore(opensAt)) {
            return Phase.NOT_YET;
        }
        return now.isBefore(endsAt) ? Phase.OPEN : Phase.ENDED;
    }

    /** Whether a check-in at this moment marks late rather than present. */
    public boolean isLate(Instant now) {
        return !now.isBefore(lateFrom);
    }

    /** Whether the session has started by this moment (the roll is taken for sessions that have). */
    public boolean hasStarted(Instant now) {
        return !now.isBefore(startsAt);
    }
}
