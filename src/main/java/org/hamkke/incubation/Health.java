package org.hamkke.incubation;

import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a venture's plan stands today, for staff's lists: its milestones passed, on time (still to do,
 * due after the "due soon" window), due soon (today or within the window), overdue (still to do,
 * due before today) and waiting for a mentor's grade. Dropped milestones count nowhere. Evidence
 * waiting for a grade is the mentor's to act on, so it is not overdue for the venture.
 */
public record Health(long ventureId, int passed, int onTime, int dueSoon, int overdue, int waiting) {

    /** Where one milestone stands. */
    public enum Standing {
        PASSED,
        ON_TIME,
        DUE_SOON,
        OVERDUE,
        WAITING
    }

    public static final Health NO_PLAN = new Health(0, 0, 0, 0, 0, 0);

    /** @param soon the "due soon" window ({@code hamkke.incubation.due-soon}, 3 days) */
    public static Optional<Standing> standing(MilestoneStatus status, LocalDate dueOn, LocalDate today, Period soon) {
        return Optional.ofNullable(switch (status) {
            case DROPPED -> null;
            case PASSED -> Standing.PASSED;
            case SUBMITTED -> Standing.WAITING;
            case OPEN, REVISION_REQUESTED -> dueOn.isBefore(today) ? Standing.OVERDUE
                    : dueOn.isAfter(today.plus(soon)) ? Standing.ON_TIME : Standing.DUE_SOON;
        });
    }

    /** Adds up a venture's milestones, given as how many of them have each status and due date. */
    public static final class Tally {
        private final long ventureId;
        private final LocalDate today;
        private final Period soon;
        private final Map<Standing, Integer> counts = new EnumMap<>(Standing.class);

        public Tally(long ventureId, LocalDate today, Period soon) {
            this.ventureId = ventureId;
            this.today = today;
            this.soon = soon;
        }

        public Tally add(MilestoneStatus status, LocalDate dueOn, int howMany) {
            standing(status, dueOn, today, soon).ifPresent(s -> counts.merge(s, howMany, Integer::sum));
            return this;
        }

        public Health health() {
            return new Health(ventureId, count(Standing.PASSED), count(Standing.ON_TIME), count(Standing.DUE_SOON), count(Standing.OVERDUE),
                    count(Standing.WAITING));
        }

        private int count(Standing standing) {
            return counts.getOrDefault(standing, 0);
        }
    }

    /** Nothing overdue and nothing waiting for a grade. */
    public boolean isOnTrack() {
        return overdue == 0 && waiting == 0;
    }

    public int total() {
        return passed + onTime + dueSoon + overdue + waiting;
    }
}
