package org.hamkke.scheduling;

import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobListener;

/** Writes each execution into the job history as it starts and ends, on the instance running it. */
final class JobRunRecorder implements JobListener {

    private static final Logger LOG = Logger.getLogger(JobRunRecorder.class.getName());

    private final JobRuns runs;
    private final Clock clock;
    private final String instance;

    JobRunRecorder(JobRuns runs, Clock clock, String instance) {
        this.runs = runs;
        this.clock = clock;
        this.instance = instance;
    }

    @Override
    public String getName() {
        return "hamkke-job-history";
    }

    @Override
    public void jobToBeExecuted(JobExecutionContext context) {
        try {
            runs.started(
                    context.getJobDetail().getKey().getName(),
                    context.getTrigger().getKey().getName(),
                    context.getFireInstanceId(),
                    instance,
                    context.getScheduledFireTime() == null ? null : context.getScheduledFireTime().toInstant(),
                    clock.instant(),
                    context.isRecovering());
        } catch (RuntimeException e) {
            // History is for people; a job must not fail because its history could not be written.
            LOG.log(Level.WARNING, "Could not record the start of " + context.getJobDetail().getKey(), e);
        }
    }

    @Override
    public void jobExecutionVetoed(JobExecutionContext context) {}

    @Override
    public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
        try {
            String detail = failure != null
                    ? rootMessage(failure)
                    : context.getResult() == null ? null : context.getResult().toString();
            boolean idle = failure == null && detail == null
                    && context.getJobInstance() instanceof ScheduledJob job && !job.recordsIdleRuns();
            if (idle) {
                runs.forget(context.getFireInstanceId(), instance);
            } else {
                runs.finished(context.getFireInstanceId(), instance, clock.instant(), failure == null, detail);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record the end of " + context.getJobDetail().getKey(), e);
        }
        if (failure != null) {
            LOG.log(Level.WARNING, "Job " + context.getJobDetail().getKey().getName() + " failed", failure);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
