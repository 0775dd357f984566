package org.hamkke.academy;

import java.time.Instant;
import java.util.Optional;

/**
 * A learner's mark for one session, and the rules about giving one:
 *
 * <ul>
 *   <li><b>What counts as attended</b> ({@link #attended}): present, late and excused; absent does
 *       not, and neither does a session nobody marked. Excused counts because the course's rule
 *       ({@link Course#isCompletedBy}) asks for a share of the sessions "attended (present, late or
 *       excused)": an excuse the instructor accepted is not held against the learner. The same
 *       reading is used everywhere a share is shown (the roster, "My learning", the teach pages).
 *   <li><b>When a mark may be given</b> ({@link #mayGiveAt}): excused at any time (a learner says
 *       ahead that they will be away); the others once the session's check-in has opened, since
 *       nobody can be seen present, late or absent before the session.
 *   <li><b>What a learner's own check-in does</b> ({@link #afterCheckIn}): it marks present, or late
 *       past the grace period, a learner with no mark yet or marked absent (they arrived after the
 *       roll was taken); a mark the instructor gave (present, late, excused) stands.
 * </ul>
 */
public enum Mark {
    PRESENT,
    LATE,
    EXCUSED,
    ABSENT;

    /** Whether the session counts as attended for the course's completion rule and every share shown. */
    public boolean attended() {
        return this != ABSENT;
    }

    /** Whether an instructor may give this mark now for a session with this check-in window. */
    public boolean mayGiveAt(Instant now, CheckInWindow window) {
        return this == EXCUSED || !now.isBefore(window.opensAt());
    }

    /**
     * The mark a learner's own check-in writes over {@code existing} (null: none yet), or empty
     * when the existing mark stands.
     *
     * @param late whether the check-in comes after the session's grace period ({@link CheckInWindow#isLate})
     */
    public static Optional<Mark> afterCheckIn(Mark existing, boolean late) {
        if (existing != null && existing != ABSENT) {
            return Optional.empty();
        }
        return Optional.of(late ? LATE : PRESENT);
    }

    /** The mark named, or empty for anything else (a forged post). */
    public static Optional<Mark> named(String name) {
        for (Mark mark : values()) {
            if (mark.name().equals(name)) {
                return Optional.of(mark);
            }
        }
        return Optional.empty();
    }
}
