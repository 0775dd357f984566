package org.hamkke.incubation;

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
 * Every 15 minutes ({@code hamkke.incubation.offer-sweep-interval}): mentor offers nobody answered
 * in time lapse, and the staff member who made each is told ({@link Assignments#expireOffer}), so
 * the venture goes back to matching. On the clustered job store each firing runs on one instance;
 * each offer expires in its own transaction, under its version, once: a mentor accepting at the
 * same moment either wins (the offer is no longer due) or is told it came too late.
 */
@ApplicationScoped
@DisallowConcurrentExecution
public class MentorOfferExpiryJob implements ScheduledJob {

    private static final Logger LOG = Logger.getLogger(MentorOfferExpiryJob.class.getName());

    @Inject
    Assignments assignments;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "hamkke.incubation.offer-sweep-interval", defaultValue = "PT15M")
    Duration interval;

    @Override
    public String name() {
        return "mentor-offers";
    }

    @Override
    public ScheduleBuilder<? extends Trigger> schedule() {
        return ScheduledJob.every(interval);
    }

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
        for (long offer : assignments.dueOffers(now)) {
            try {
                expired += assignments.expireOffer(offer, now) ? 1 : 0;
            } catch (RuntimeException e) {
                // One offer's trouble (answered at this very moment, say) must not hold up the others; it stays due.
                failed++;
                LOG.log(Level.WARNING, "Expiring mentor offer " + offer + " failed", e);
            }
        }
        context.setResult(expired + failed == 0 ? null : expired + " mentor offers lapsed" + (failed == 0 ? "" : ", " + failed + " failed"));
    }
}
