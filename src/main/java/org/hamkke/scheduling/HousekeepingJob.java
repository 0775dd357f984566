package org.hamkke.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.ScheduleBuilder;
import org.quartz.Trigger;

/**
 * Every night at 03:30 (portal time zone): expired drafts, abandoned temporary uploads and old
 * history removed ({@link Housekeeping}).
 *
 * <p>Misfire: run once on wake-up. Clean-up missed during downtime is still worth doing, and
 * doing it once covers any number of missed nights.
 */
@ApplicationScoped
@DisallowConcurrentExecution
public class HousekeepingJob implements ScheduledJob {

    @Inject
    Housekeeping housekeeping;

    @Inject
    SchedulerSettings settings;

    @Inject
    Clock clock;

    @Override
    public String name() {
        return "housekeeping";
    }

    @Override
    public ScheduleBuilder<? extends Trigger> schedule() {
        return CronScheduleBuilder.dailyAtHourAndMinute(3, 30)
                .inTimeZone(java.util.TimeZone.getTimeZone(settings.zone()))
                .withMisfireHandlingInstructionFireAndProceed();
    }

    @Override
    public void execute(JobExecutionContext context) {
        context.setResult(housekeeping.run(clock.instant()));
    }
}
