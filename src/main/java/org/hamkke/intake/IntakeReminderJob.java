package org.hamkke.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalTime;
import org.hamkke.scheduling.DailyJob;
import org.quartz.JobExecutionContext;

/**
 * Every day at 09:00 (portal time zone): reminders for unsubmitted drafts before a call closes and
 * for pending reviews before the review deadline ({@link IntakeReminders}).
 *
 * <p>Missed days: skipped. After downtime, a reminder for the morning that was missed is dropped,
 * not sent late in a burst; the next morning's run reminds whoever still needs it (each reminder
 * is keyed, so nobody hears twice).
 */
@ApplicationScoped
public class IntakeReminderJob extends DailyJob {

    @Inject
    IntakeReminders reminders;

    @Inject
    Clock clock;

    @Override
    public String name() {
        return "intake-reminders";
    }

    @Override
    protected LocalTime at() {
        return LocalTime.of(9, 0);
    }

    @Override
    protected WhenMissed whenMissed() {
        return WhenMissed.SKIP;
    }

    @Override
    public void execute(JobExecutionContext context) {
        var now = clock.instant();
        int drafts = reminders.remindDrafts(now);
        int reviews = reminders.remindReviewers(now);
        context.setResult(drafts + reviews == 0 ? "nobody to remind" : drafts + " drafts, " + reviews + " reviews");
    }
}
