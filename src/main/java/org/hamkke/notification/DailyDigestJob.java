package org.hamkke.notification;

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
 * The daily digest ({@link DailyDigest}) at the hour an admin chose (Notifications page; 07:00
 * by default), in the portal's time zone.
 *
 * <p>Misfire: run once on wake-up. A digest a few hours late still says what happened; the
 * digest is keyed by the day, so catching up never sends two.
 */
@ApplicationScoped
@DisallowConcurrentExecution
public class DailyDigestJob implements ScheduledJob {

    @Inject
    DailyDigest digest;

    @Inject
    DigestHour hour;

    @Inject
    SchedulerSettings settings;

    @Inject
    Clock clock;

    @Override
    public String name() {
        return "daily-digest";
    }

    @Override
    public ScheduleBuilder<? extends Trigger> schedule() {
        return CronScheduleBuilder.dailyAtHourAndMinute(hour.get(), 0)
                .inTimeZone(java.util.TimeZone.getTimeZone(settings.zone()))
                .withMisfireHandlingInstructionFireAndProceed();
    }

    @Override
    public void execute(JobExecutionContext context) {
        int sent = digest.run(clock.instant());
        context.setResult(sent + " digests");
    }
}
