package org.hamkke.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalTime;
import org.hamkke.scheduling.DailyJob;
import org.quartz.JobExecutionContext;

/**
 * The daily digest ({@link DailyDigest}) at the hour an admin chose (Notifications page; 07:00
 * by default), in the portal's time zone.
 *
 * <p>Missed days: run once on wake-up. A digest a few hours late still says what happened; the
 * digest is keyed by the day, so catching up never sends two.
 */
@ApplicationScoped
public class DailyDigestJob extends DailyJob {

    @Inject
    DailyDigest digest;

    @Inject
    DigestHour hour;

    @Inject
    Clock clock;

    @Override
    public String name() {
        return "daily-digest";
    }

    @Override
    protected LocalTime at() {
        return LocalTime.of(hour.get(), 0);
    }

    @Override
    protected WhenMissed whenMissed() {
        return WhenMissed.RUN_ONCE;
    }

    @Override
    public void execute(JobExecutionContext context) {
        int sent = digest.run(clock.instant());
        context.setResult(sent + " digests");
    }
}
