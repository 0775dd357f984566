package org.hamkke.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import org.quartz.JobExecutionContext;
import org.quartz.ScheduleBuilder;
import org.quartz.Trigger;

/**
 * Runs on demand only: an admin presses "Run now" and the job history shows which instance took
 * it, which proves the instances share the job store. With {@code holdSeconds} in its trigger's
 * data (at most 300) it holds its thread that long, so recovery can be seen (and is tested): kill
 * the instance running it and another one runs it again.
 */
@ApplicationScoped
public class ClusterCheckJob implements ScheduledJob {

    static final String HOLD_SECONDS = "holdSeconds";

    @Override
    public String name() {
        return "cluster-check";
    }

    @Override
    public ScheduleBuilder<? extends Trigger> schedule() {
        return null;
    }

    @Override
    public void execute(JobExecutionContext context) {
        String hold = context.getMergedJobDataMap().getString(HOLD_SECONDS);
        long seconds = hold == null ? 0 : Math.clamp(Long.parseLong(hold), 0, 300);
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        context.setResult(context.isRecovering() ? "recovered after its instance stopped" : "ran");
    }
}
