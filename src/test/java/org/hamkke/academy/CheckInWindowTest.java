package org.hamkke.academy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.hamkke.academy.CheckInWindow.Phase;
import org.junit.jupiter.api.Test;

class CheckInWindowTest {

    private static final Instant START = Instant.parse("2027-05-04T11:00:00Z");
    private static final Instant END = START.plus(Duration.ofHours(2));
    private static final CheckInWindow WINDOW = CheckInWindow.of(START, END, Duration.ofMinutes(15), Duration.ofMinutes(10));

    @Test
    void theCodeWorksFromAGraceBeforeTheStartUntilTheEnd() {
        assertEquals(Phase.NOT_YET, WINDOW.phaseAt(START.minus(Duration.ofMinutes(16))));
        assertEquals(Phase.NOT_YET, WINDOW.phaseAt(START.minus(Duration.ofMinutes(15)).minusMillis(1)));
        assertEquals(Phase.OPEN, WINDOW.phaseAt(START.minus(Duration.ofMinutes(15))), "Opens exactly 15 minutes before");
        assertEquals(Phase.OPEN, WINDOW.phaseAt(START));
        assertEquals(Phase.OPEN, WINDOW.phaseAt(END.minusMillis(1)));
        assertEquals(Phase.ENDED, WINDOW.phaseAt(END), "Expired the moment the session ends");
        assertEquals(Phase.ENDED, WINDOW.phaseAt(END.plus(Duration.ofDays(7))));
    }

    @Test
    void aCheckInAfterTheGracePeriodIsLate() {
        assertFalse(WINDOW.isLate(START.minus(Duration.ofMinutes(5))), "Early is present");
        assertFalse(WINDOW.isLate(START.plus(Duration.ofMinutes(10)).minusMillis(1)));
        assertTrue(WINDOW.isLate(START.plus(Duration.ofMinutes(10))));
        assertTrue(WINDOW.isLate(END.minusMillis(1)));
    }

    @Test
    void aGraceLongerThanTheSessionEndsWithIt() {
        CheckInWindow shortOne = CheckInWindow.of(START, START.plus(Duration.ofMinutes(5)), Duration.ZERO, Duration.ofMinutes(10));
        assertEquals(START.plus(Duration.ofMinutes(5)), shortOne.lateFrom());
        assertEquals(START, shortOne.opensAt(), "No margin: opens at the start");
    }

    @Test
    void aWindowNeedsAnEndAfterItsStartAndNoNegativeMargins() {
        assertThrows(IllegalArgumentException.class, () -> CheckInWindow.of(START, START, Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> CheckInWindow.of(START, END, Duration.ofMinutes(-1), Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> CheckInWindow.of(START, END, Duration.ZERO, Duration.ofMinutes(-1)));
    }
}
