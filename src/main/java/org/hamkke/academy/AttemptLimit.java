package org.hamkke.academy;

import java.time.Duration;
import java.time.Instant;

/**
 * How many wrong check-in codes a person may type: at most {@code maxFailures} in each fixed window
 * of time; after that every try is refused, right or wrong, until the window ends, and the person
 * is told until when. A wrong code is one that names no session, or a session of a cohort they are
 * not confirmed in; a code of their own session outside its time, or text that cannot be a code
 * at all, reveals nothing to a guesser and is not counted.
 *
 * <p>Fixed windows (counted from the epoch) rather than a sliding one: one row per person and
 * window, which every instance can count in one statement ({@code check_in_attempt}).
 *
 * @param maxFailures wrong codes allowed per window (at least 1)
 * @param window      the window's length
 */
public record AttemptLimit(int maxFailures, Duration window) {

    public AttemptLimit {
        if (maxFailures < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("A limit needs at least one try and a window of some length");
        }
    }

    /** The start of the window this moment falls in. */
    public Instant windowOf(Instant now) {
        long length = window.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), length) * length);
    }

    /** When the window this moment falls in ends: the moment to try again. */
    public Instant retryAt(Instant now) {
        return windowOf(now).plus(window);
    }

    /** Whether a person who failed this many times in the current window may try now. */
    public boolean allows(int failures) {
        return failures < maxFailures;
    }
}
