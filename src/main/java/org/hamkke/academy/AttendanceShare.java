package org.hamkke.academy;

/**
 * A learner's share of sessions attended ({@link Mark#attended}: present, late or excused) of the
 * sessions held so far, as the roster and the teach pages show it. A session nobody marked counts
 * as not attended. Completion itself is decided over all the cohort's sessions
 * ({@link Course#isCompletedBy}), not over those held.
 *
 * @param attended sessions attended
 * @param held     sessions held so far (started)
 */
public record AttendanceShare(int attended, int held) implements java.io.Serializable {

    /** The share in whole percent, rounded down (so 79.9 % never reads as 80 %); 0 when nothing was held. */
    public int percent() {
        return held == 0 ? 0 : (int) (attended * 100L / held);
    }
}
