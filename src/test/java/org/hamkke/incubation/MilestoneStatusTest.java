package org.hamkke.incubation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Set;
import org.hamkke.incubation.MilestoneStatus.Mover;
import org.junit.jupiter.api.Test;

/** Every status x every target x every mover: exactly the moves of the machine's table, and nothing else. */
class MilestoneStatusTest {

    private static final Set<String> ALLOWED = Set.of(
            "MEMBER OPEN SUBMITTED", "MEMBER SUBMITTED SUBMITTED", "MEMBER REVISION_REQUESTED SUBMITTED",
            "MENTOR SUBMITTED PASSED", "MENTOR SUBMITTED REVISION_REQUESTED", "MENTOR PASSED REVISION_REQUESTED",
            "MENTOR REVISION_REQUESTED PASSED",
            "STAFF OPEN DROPPED", "STAFF SUBMITTED DROPPED", "STAFF REVISION_REQUESTED DROPPED");

    @Test
    void onlyTheTablesMovesAreAllowed() {
        int checked = 0;
        for (Mover mover : Mover.values()) {
            for (MilestoneStatus from : MilestoneStatus.values()) {
                for (MilestoneStatus to : MilestoneStatus.values()) {
                    boolean allowed = ALLOWED.contains(mover + " " + from + " " + to);
                    assertEquals(allowed, from.allows(to, mover), mover + " " + from + " -> " + to);
                    if (allowed) {
                        assertEquals(to, from.moveTo(to, mover));
                    } else {
                        assertThrows(MilestoneStatus.IllegalMoveException.class, () -> from.moveTo(to, mover));
                    }
                    checked++;
                }
            }
        }
        assertEquals(75, checked);
    }

    @Test
    void passedAndDroppedTakeNoEvidenceAndNothingLeavesDropped() {
        assertEquals(EnumSet.of(MilestoneStatus.OPEN, MilestoneStatus.SUBMITTED, MilestoneStatus.REVISION_REQUESTED),
                EnumSet.copyOf(java.util.Arrays.stream(MilestoneStatus.values()).filter(MilestoneStatus::takesEvidence).toList()));
        for (Mover mover : Mover.values()) {
            for (MilestoneStatus to : MilestoneStatus.values()) {
                assertEquals(false, MilestoneStatus.DROPPED.allows(to, mover));
            }
        }
    }
}
