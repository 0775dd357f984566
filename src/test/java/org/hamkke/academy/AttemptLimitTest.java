package org.hamkke.academy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AttemptLimitTest {

    private static final AttemptLimit LIMIT = new AttemptLimit(5, Duration.ofMinutes(10));

    @Test
    void fiveWrongCodesPerWindowThenNoneUntilItEnds() {
        for (int failures = 0; failures < 5; failures++) {
            assertTrue(LIMIT.allows(failures), failures + " wrong so far");
        }
        assertFalse(LIMIT.allows(5));
        assertFalse(LIMIT.allows(6));
    }

    @Test
    void windowsAreFixedSpansOfTime() {
        Instant now = Instant.parse("2027-05-04T11:07:30Z");
        assertEquals(Instant.parse("2027-05-04T11:00:00Z"), LIMIT.windowOf(now));
        assertEquals(Instant.parse("2027-05-04T11:10:00Z"), LIMIT.retryAt(now));
        assertEquals(Instant.parse("2027-05-04T11:10:00Z"), LIMIT.windowOf(Instant.parse("2027-05-04T11:10:00Z")), "A new window at its first moment");
        assertEquals(LIMIT.windowOf(Instant.parse("2027-05-04T11:00:00Z")), LIMIT.windowOf(Instant.parse("2027-05-04T11:09:59.999Z")));
    }

    @Test
    void aLimitNeedsATryAndAWindow() {
        assertThrows(IllegalArgumentException.class, () -> new AttemptLimit(0, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new AttemptLimit(1, Duration.ZERO));
    }
}
