package org.hamkke.academy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamkke.scheduling.ScheduledJob;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.ScheduleBuilder;
import org.quartz.Trigger;

/**
 * Every five minutes ({@code hamkke.academy.session-reminder-interval}): reminders of coming
 * sessions whose time has come ({@link SessionReminders}). On the clustered job store each firing
 * runs on one instance; the work is idempotent anyway (each reminder claimed once, keyed notices).
 *
 * <p>Misfire: skip to the next interval; one run catches up on every reminder that fell due
 * meanwhile, as long as its session has not begun. Nothing to recover either.
 */
@ApplicationScoped
@DisallowConcurrentExecution
public class SessionReminderJob implements ScheduledJob {

    @Inject
    SessionReminders reminders;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "hamkke.academy.session-reminder-interval", defaultValue = "PT5M")
    Duration interval;

    @Override
    public String name() {
        return "session-reminders";
    }

    @Override
    public ScheduleBuilder<? extends Trigger> schedule() {
        return ScheduledJob.every(interval);
    }

    /** Runs that reminded nobody are not kept in the history. */
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
        int reminded = reminders.remindDue(clock.instant());
        context.setResult(reminded == 0 ? null : reminded + " reminded");
    }
}
