package org.hamkke.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.hamkke.intake.Stage.Mover;
import org.junit.jupiter.api.Test;

/** Every (from, to, mover) triple, checked against the table the issue describes: exhaustive. */
class StageTest {

    private static final Map<Stage, Set<Stage>> EXPECTED_STAFF = Map.of(
            Stage.SUBMITTED, EnumSet.of(Stage.SCREENING, Stage.REJECTED),
            Stage.SCREENING, EnumSet.of(Stage.IN_REVIEW, Stage.REJECTED),
            Stage.IN_REVIEW, EnumSet.of(Stage.INTERVIEW, Stage.ACCEPTED, Stage.WAITLISTED, Stage.REJECTED),
            Stage.INTERVIEW, EnumSet.of(Stage.ACCEPTED, Stage.WAITLISTED, Stage.REJECTED),
            Stage.WAITLISTED, EnumSet.of(Stage.ACCEPTED, Stage.REJECTED),
            Stage.ACCEPTED, EnumSet.noneOf(Stage.class),
            Stage.REJECTED, EnumSet.noneOf(Stage.class),
            Stage.WITHDRAWN, EnumSet.noneOf(Stage.class));

    private static final Set<Stage> WITHDRAWABLE =
            EnumSet.of(Stage.SUBMITTED, Stage.SCREENING, Stage.IN_REVIEW, Stage.INTERVIEW, Stage.WAITLISTED);

    @Test
    void everyMoveIsAllowedExactlyWhenTheTableSaysSo() {
        int checked = 0;
        for (Stage from : Stage.values()) {
            for (Stage to : Stage.values()) {
                for (Mover mover : Mover.values()) {
                    boolean expected = switch (mover) {
                        case STAFF -> EXPECTED_STAFF.get(from).contains(to);
                        case APPLICANT -> to == Stage.WITHDRAWN && WITHDRAWABLE.contains(from);
                    };
                    assertEquals(expected, from.allows(mover, to), mover + ": " + from + " -> " + to);
                    if (expected) {
                        assertEquals(to, from.moveTo(to, mover));
                    } else {
                        var refused = assertThrows(Stage.IllegalMoveException.class, () -> from.moveTo(to, mover));
                        assertEquals(from, refused.from());
                        assertEquals(to, refused.to());
                    }
                    checked++;
                }
            }
        }
        assertEquals(8 * 8 * 2, checked);
    }

    @Test
    void staffNeverWithdrawAndNobodyStaysPut() {
        for (Stage stage : Stage.values()) {
            assertFalse(stage.allows(Mover.STAFF, Stage.WITHDRAWN), "Withdrawing is the applicant's choice");
            assertFalse(stage.allows(Mover.STAFF, stage), "A move goes somewhere");
            assertFalse(stage.allows(Mover.STAFF, Stage.SUBMITTED), "Nothing goes back to submitted");
        }
    }

    @Test
    void finalStagesAreFinal() {
        for (Stage stage : EnumSet.of(Stage.ACCEPTED, Stage.REJECTED, Stage.WITHDRAWN)) {
            assertTrue(stage.isFinal());
            for (Stage to : Stage.values()) {
                for (Mover mover : Mover.values()) {
                    assertFalse(stage.allows(mover, to), stage + " -> " + to);
                }
            }
        }
        assertTrue(Stage.WAITLISTED.isDecision() && !Stage.WAITLISTED.isFinal(), "A waitlist can still become a place");
    }

    @Test
    void everyStageCanReachAFinalOne() {
        for (Stage stage : Stage.values()) {
            assertTrue(stage.isFinal() || stage.staffMoves().stream().anyMatch(s -> s.isFinal() || reachesFinal(s)),
                    stage + " leads nowhere");
        }
    }

    private static boolean reachesFinal(Stage stage) {
        return stage.isFinal() || stage.staffMoves().stream().anyMatch(StageTest::reachesFinal);
    }
}
