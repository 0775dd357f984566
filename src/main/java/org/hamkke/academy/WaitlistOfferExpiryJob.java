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
 * Every minute ({@code hamkke.academy.offer-sweep-interval}): offers whose time is up pass to the
 * next in line, and offers about to end are reminded ({@link OfferExpiry}). On the clustered job
 * store each firing runs on one instance; the work is idempotent anyway (locks, keyed notices).
 *
 * <p>Misfire: skip to the next interval; one run catches up on everything that fell due meanwhile.
 * Nothing to recover either: the next run does what a dead instance's run did not.
 */
@ApplicationScoped
@DisallowConcurrentExecution
public class WaitlistOfferExpiryJob implements ScheduledJob {

    private static final Logger LOG = Logger.getLogger(WaitlistOfferExpiryJob.class.getName());

    @Inject
    OfferExpiry offers;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "hamkke.academy.offer-sweep-interval", defaultValue = "PT1M")
    Duration interval;

    @Override
    public String name() {
        return "waitlist-offers";
    }

    @Override
    public ScheduleBuilder<? extends Trigger> schedule() {
        return ScheduledJob.every(interval);
    }

    /** Runs that found nothing due are not kept in the history. */
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
        int expired = 0;
        int failed = 0;
        for (long cohort : offers.cohortsWithDueOffers(now)) {
            try {
                expired += offers.expireIn(cohort, now);
            } catch (RuntimeException e) {
                // One cohort's trouble must not hold up the others; its offers stay due for the next run.
                failed++;
                LOG.log(Level.WARNING, "Passing on the offers of cohort " + cohort + " failed", e);
            }
        }
        int reminded = offers.remindEnding(now);
        context.setResult(expired + reminded + failed == 0 ? null
                : expired + " offers passed on, " + reminded + " reminded" + (failed == 0 ? "" : ", " + failed + " cohorts failed"));
    }
}
