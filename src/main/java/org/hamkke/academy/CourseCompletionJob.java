package org.hamkke.academy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamkke.scheduling.ScheduledJob;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.ScheduleBuilder;
import org.quartz.Trigger;

/**
 * Every hour ({@code hamkke.academy.completion-interval}): the learners of cohorts that are over
 * and who meet their course's rule are completed, and the certificate follows through
 * {@link EnrolmentCompleted} ({@link CompletionRuns}). Hourly rather than daily, so a learner whose
 * last session ended this evening has their certificate the same evening.
 *
 * <p>On the clustered job store each firing runs on one instance; the work is idempotent anyway
 * (the cohort's lock, and a completed enrolment is not completed twice). Misfire: skip to the next
 * interval, whose run catches up on every cohort that ended meanwhile. Nothing to recover either.
 */
@ApplicationScoped
@DisallowConcurrentExecution
public class CourseCompletionJob implements ScheduledJob {

    private static final Logger LOG = Logger.getLogger(CourseCompletionJob.class.getName());

    @Inject
    CompletionRuns completions;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "hamkke.academy.completion-interval", defaultValue = "PT1H")
    Duration interval;

    @Override
    public String name() {
        return "course-completion";
    }

    @Override
    public ScheduleBuilder<? extends Trigger> schedule() {
        return ScheduledJob.every(interval);
    }

    /** Runs that completed nobody are not kept in the history. */
    @Override
    public boolean recordsIdleRuns() {
        return false;
    }

    @Override
    public boolean requestsRecovery() {
        return false;
    }

    @Override
    public void execute(JobExecutionContext context) {
        Instant now = clock.instant();
        int completed = 0;
        int cohorts = 0;
        int failed = 0;
        for (long cohort : completions.dueCohorts(now)) {
            try {
                int done = completions.completeEnded(cohort, now);
                completed += done;
                cohorts += done == 0 ? 0 : 1;
            } catch (RuntimeException e) {
                // One cohort's trouble must not hold up the others; it is tried again next run.
                failed++;
                LOG.log(Level.WARNING, "Completing the learners of cohort " + cohort + " failed", e);
            }
        }
        context.setResult(completed + failed == 0 ? null
                : completed + " completed in " + cohorts + " cohorts" + (failed == 0 ? "" : ", " + failed + " cohorts failed"));
    }
}
