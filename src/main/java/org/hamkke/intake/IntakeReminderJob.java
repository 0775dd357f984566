package org.hamkke.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.hamkke.scheduling.ScheduledJob;
import org.hamkke.scheduling.SchedulerSettings;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.ScheduleBuilder;
import org.quartz.Trigger;

/**
 * Every day at 09:00 (portal time zone): reminders for unsubmitted drafts before a call closes and
 * for pending reviews before the review deadline ({@link IntakeReminders}).
 *
 * <p>Misfire: do nothing. After downtime, a reminder for the morning that was missed is dropped,
 * not sent late in a burst; the next morning's run reminds whoever still needs it (each reminder
 * is keyed, so nobody hears twice).
 */
@ApplicationScoped
@DisallowConcurrentExecution
public class IntakeReminderJob implements ScheduledJob {

    @Inject
    IntakeReminders reminders;

    @Inject
    SchedulerSettings settings;

    @Inject
    Clock clock;

    @Override
    public String name() {
        return "intake-reminders";
    }

    @Override
    public ScheduleBuilder<? extends Trigger> schedule() {
        return CronScheduleBuilder.dailyAtHourAndMinute(9, 0)
                .inTimeZone(java.util.TimeZone.getTimeZone(settings.zone()))
                .withMisfireHandlingInstructionDoNothing();
    }

    @Override
    public void execute(JobExecutionContext context) {
        var now = clock.instant();
        int drafts = reminders.remindDrafts(now);
        int reviews = reminders.remindReviewers(now);
        context.setResult(drafts + reviews == 0 ? "nobody to remind" : drafts + " drafts, " + reviews + " reviews");
    }
}
