package org.hamkke.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalTime;
import org.quartz.JobExecutionContext;

/**
 * Every night at 03:30 (portal time zone): expired drafts, abandoned temporary uploads and old
 * history removed ({@link Housekeeping}).
 *
 * <p>Missed nights: run once on wake-up. Clean-up missed during downtime is still worth doing, and
 * doing it once covers any number of missed nights.
 */
@ApplicationScoped
public class HousekeepingJob extends DailyJob {

    @Inject
    Housekeeping housekeeping;

    @Inject
    Clock clock;

    @Override
    public String name() {
        return "housekeeping";
    }

    @Override
    protected LocalTime at() {
        return LocalTime.of(3, 30);
    }

    @Override
    protected WhenMissed whenMissed() {
        return WhenMissed.RUN_ONCE;
    }

    @Override
    public void execute(JobExecutionContext context) {
        context.setResult(housekeeping.run(clock.instant()));
    }
}
