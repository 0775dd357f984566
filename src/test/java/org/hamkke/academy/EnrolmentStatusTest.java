package org.hamkke.academy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.hamkke.academy.EnrolmentStatus.Mover;
import org.junit.jupiter.api.Test;

/** The enrolment's state machine, exhaustively: every status x every target x every mover. */
class EnrolmentStatusTest {

    /** The moves allowed, written out once more by hand: "status>target:MOVER". */
    private static final Set<String> ALLOWED = Set.of(
            "REQUESTED>CANCELLED:LEARNER", "WAITLISTED>CANCELLED:LEARNER", "OFFERED>CONFIRMED:LEARNER", "OFFERED>CANCELLED:LEARNER",
            "CONFIRMED>CANCELLED:LEARNER",
            "REQUESTED>CONFIRMED:STAFF", "REQUESTED>WAITLISTED:STAFF", "REQUESTED>CANCELLED:STAFF", "WAITLISTED>CANCELLED:STAFF",
            "OFFERED>CANCELLED:STAFF", "CONFIRMED>CANCELLED:STAFF", "CONFIRMED>COMPLETED:STAFF",
            "WAITLISTED>OFFERED:PORTAL", "OFFERED>CANCELLED:PORTAL", "CONFIRMED>COMPLETED:PORTAL");

    @Test
    void everyMoveOfEveryMoverIsAllowedOrRefusedAsDocumented() {
        int checked = 0;
        for (EnrolmentStatus from : EnrolmentStatus.values()) {
            for (EnrolmentStatus to : EnrolmentStatus.values()) {
                for (Mover mover : Mover.values()) {
                    boolean allowed = ALLOWED.contains(from + ">" + to + ":" + mover);
                    assertEquals(allowed, from.allows(mover, to), from + " -> " + to + " by " + mover);
                    if (allowed) {
                        assertEquals(to, from.moveTo(to, mover));
                    } else {
                        var refused = assertThrows(EnrolmentStatus.IllegalMoveException.class, () -> from.moveTo(to, mover));
                        assertEquals(from, refused.from());
                    }
                    checked++;
                }
            }
        }
        assertEquals(6 * 6 * 3, checked);
    }

    @Test
    void nothingMovesAfterTheEnd() {
        for (Mover mover : Mover.values()) {
            assertTrue(EnrolmentStatus.CANCELLED.movesFor(mover).isEmpty());
            assertTrue(EnrolmentStatus.COMPLETED.movesFor(mover).isEmpty());
        }
    }

    /** The same three the database counts (V14's trigger): a seat is held while offered, too. */
    @Test
    void confirmedOfferedAndCompletedHoldASeat() {
        EnumSet<EnrolmentStatus> holding = EnumSet.noneOf(EnrolmentStatus.class);
        for (EnrolmentStatus s : EnrolmentStatus.values()) {
            if (s.holdsSeat()) {
                holding.add(s);
            }
        }
        assertEquals(EnumSet.of(EnrolmentStatus.CONFIRMED, EnrolmentStatus.OFFERED, EnrolmentStatus.COMPLETED), holding);
    }
}
