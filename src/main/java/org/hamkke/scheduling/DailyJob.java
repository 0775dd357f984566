package org.hamkke.scheduling;

import jakarta.inject.Inject;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.ScheduleBuilder;
import org.quartz.Trigger;

/**
 * A job that runs once a day, at a time of day read in the portal's zone ({@code hamkke.time-zone}):
 * the one way daily work is scheduled (housekeeping, the intake's reminders, the daily digest). A
 * job says when ({@link #at}) and what a missed day means to it ({@link #whenMissed}); the trigger,
 * the zone and Quartz's misfire instruction are decided here. Never two runs of one at once.
 */
@DisallowConcurrentExecution
public abstract class DailyJob implements ScheduledJob {

    /** What a daily job does about days missed while no instance was up to run it. */
    public enum WhenMissed {
        /**
         * Run once on wake-up: the work is still worth doing late (a clean-up, a digest keyed by
         * its day), and one run covers any number of missed days.
         */
        RUN_ONCE,
        /**
         * Skip to the next day: doing it late would do harm (reminders sent in a burst after
         * downtime); the next run covers whoever still needs it.
         */
        SKIP
    }

    @Inject
    SchedulerSettings settings;

    /** The time of day it runs, in the portal's zone. */
    protected abstract LocalTime at();

    protected abstract WhenMissed whenMissed();

    /** Not to be overridden (not final only because CDI must proxy the jobs). */
    @Override
    public ScheduleBuilder<? extends Trigger> schedule() {
        return daily(at(), settings.zone(), whenMissed());
    }

    static CronScheduleBuilder daily(LocalTime at, ZoneId zone, WhenMissed whenMissed) {
        CronScheduleBuilder schedule = CronScheduleBuilder.dailyAtHourAndMinute(at.getHour(), at.getMinute())
                .inTimeZone(TimeZone.getTimeZone(zone));
        return switch (whenMissed) {
            case RUN_ONCE -> schedule.withMisfireHandlingInstructionFireAndProceed();
            case SKIP -> schedule.withMisfireHandlingInstructionDoNothing();
        };
    }
}
