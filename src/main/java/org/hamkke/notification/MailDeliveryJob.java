package org.hamkke.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamkke.scheduling.ScheduledJob;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.ScheduleBuilder;
import org.quartz.Trigger;

/**
 * Every 30 s (hamkke.mail.outbox-interval): sends e-mails that are due again after a failure, and
 * any an instance left behind. Most mail does not wait for it: the outbox is woken when a notice
 * commits.
 *
 * <p>Misfire: skip the missed runs and go on at the next interval. One run sends everything due,
 * so a burst of catch-up runs after downtime would only repeat it.
 */
@ApplicationScoped
@DisallowConcurrentExecution
public class MailDeliveryJob implements ScheduledJob {

    @Inject
    MailOutbox outbox;

    @Inject
    @ConfigProperty(name = "hamkke.mail.outbox-interval", defaultValue = "PT30S")
    Duration interval;

    @Override
    public String name() {
        return "mail-delivery";
    }

    @Override
    public ScheduleBuilder<? extends Trigger> schedule() {
        return ScheduledJob.every(interval);
    }

    /** Runs that found nothing to send are not kept in the history (2,880 a day otherwise). */
    @Override
    public boolean recordsIdleRuns() {
        return false;
    }

    /** Nothing to recover: the next run sends what this one did not. */
    @Override
    public boolean requestsRecovery() {
        return false;
    }

    @Override
    public void execute(JobExecutionContext context) {
        int sent = outbox.drain();
        context.setResult(sent == 0 ? null : sent + " sent");
    }
}
