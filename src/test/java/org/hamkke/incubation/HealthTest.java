package org.hamkke.incubation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Period;
import org.hamkke.incubation.Health.Standing;
import org.junit.jupiter.api.Test;

/** A venture's health from its milestones' statuses and due dates, around the "due soon" window. */
class HealthTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 5, 10);
    private static final Period SOON = Period.ofDays(3);

    private static Standing standing(MilestoneStatus status, LocalDate due) {
        return Health.standing(status, due, TODAY, SOON).orElse(null);
    }

    @Test
    void theWindowsEdges() {
        assertEquals(Standing.OVERDUE, standing(MilestoneStatus.OPEN, TODAY.minusDays(1)));
        assertEquals(Standing.DUE_SOON, standing(MilestoneStatus.OPEN, TODAY));
        assertEquals(Standing.DUE_SOON, standing(MilestoneStatus.OPEN, TODAY.plusDays(3)));
        assertEquals(Standing.ON_TIME, standing(MilestoneStatus.OPEN, TODAY.plusDays(4)));
        assertEquals(Standing.OVERDUE, standing(MilestoneStatus.REVISION_REQUESTED, TODAY.minusDays(20)), "A revision still to do is overdue too");
        assertEquals(Standing.WAITING, standing(MilestoneStatus.SUBMITTED, TODAY.minusDays(20)), "Waiting for the mentor, not overdue for the venture");
        assertEquals(Standing.PASSED, standing(MilestoneStatus.PASSED, TODAY.minusDays(20)));
        assertEquals(null, standing(MilestoneStatus.DROPPED, TODAY.minusDays(20)));
    }

    @Test
    void aTallyAddsUpCountedRows() {
        Health health = new Health.Tally(7, TODAY, SOON)
                .add(MilestoneStatus.PASSED, TODAY.minusDays(30), 2)
                .add(MilestoneStatus.OPEN, TODAY.plusDays(30), 1)
                .add(MilestoneStatus.OPEN, TODAY.plusDays(1), 1)
                .add(MilestoneStatus.OPEN, TODAY.minusDays(2), 3)
                .add(MilestoneStatus.SUBMITTED, TODAY.plusDays(1), 1)
                .add(MilestoneStatus.DROPPED, TODAY.minusDays(2), 4)
                .health();
        assertEquals(new Health(7, 2, 1, 1, 3, 1), health);
        assertEquals(8, health.total());
        assertTrue(!health.isOnTrack());
        assertTrue(new Health.Tally(8, TODAY, SOON).health().isOnTrack(), "No plan: nothing late");
    }
}
