package org.hamkke.scheduling;

import org.quartz.Job;
import org.quartz.ScheduleBuilder;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;

/**
 * A job the portal runs on a schedule. Implementations are CDI beans (so they inject services)
 * and Quartz jobs at once; each is a few lines that call a service method with the current time,
 * where the real logic lives and is tested. A job must be idempotent: Quartz may run it again
 * after a crash (recovery), and it may be run by hand.
 *
 * <p>Every bean of this type is registered with the clustered scheduler at start.
 */
public interface ScheduledJob extends Job {

    /** Stable name: the Quartz job key, and the message key {@code job.<name>} on the jobs page. */
    String name();

    /**
     * When it runs, including the misfire policy chosen for it (what to do after downtime), or
     * null for a job that only runs when asked.
     */
    ScheduleBuilder<? extends Trigger> schedule();

    /**
     * Whether a run that succeeded with nothing to report stays in the job history. A job that
     * runs every few seconds says false, or its idle runs would bury the ones that did something.
     */
    default boolean recordsIdleRuns() {
        return true;
    }

    /** Whether another instance re-runs it when the instance running it dies mid-way. */
    default boolean requestsRecovery() {
        return true;
    }

    /**
     * Every {@code interval}, for sweeps: a run missed while no instance was up is not made up
     * (the next run finds whatever is due), and the count of runs goes on from there.
     */
    static SimpleScheduleBuilder every(java.time.Duration interval) {
        return SimpleScheduleBuilder.simpleSchedule()
                .withIntervalInMilliseconds(interval.toMillis())
                .repeatForever()
                .withMisfireHandlingInstructionNextWithRemainingCount();
    }
}
