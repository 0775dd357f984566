package org.hamkke.academy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamkke.scheduling.ScheduledJob;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.ScheduleBuilder;
import org.quartz.Trigger;

/**
 * The certificates' backstop, every five minutes ({@code hamkke.academy.certificate-sweep-interval}):
 * a completed enrolment without a certificate gets one ({@link Certificates#issueBySweep}), each in
 * a transaction of its own, at most {@code hamkke.academy.certificate-sweep-batch} a run. Normally
 * the completion has issued it already and there is nothing to do. Safe next to the other triggers
 * and on any number of instances: issuing is one {@code insert ... on conflict do nothing}.
 *
 * <p>Misfire: skip to the next interval, which catches up on everything; nothing to recover.
 */
@ApplicationScoped
@DisallowConcurrentExecution
public class CertificateSweepJob implements ScheduledJob {

    private static final Logger LOG = Logger.getLogger(CertificateSweepJob.class.getName());

    @Inject
    Certificates certificates;

    @Inject
    @ConfigProperty(name = "hamkke.academy.certificate-sweep-interval", defaultValue = "PT5M")
    Duration interval;

    @Inject
    @ConfigProperty(name = "hamkke.academy.certificate-sweep-batch", defaultValue = "500")
    int batch;

    @Override
    public String name() {
        return "certificate-sweep";
    }

    @Override
    public ScheduleBuilder<? extends Trigger> schedule() {
        return ScheduledJob.every(interval);
    }

    /** Runs that found nothing to issue are not kept in the history. */
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
        List<Long> due = certificates.completedWithout(batch);
        int issued = 0;
        int failed = 0;
        for (long enrolment : due) {
            try {
                if (certificates.issueBySweep(enrolment)) {
                    issued++;
                }
            } catch (RuntimeException e) {
                // One enrolment's trouble must not hold up the others; it stays due for the next run.
                failed++;
                LOG.log(Level.WARNING, "Issuing the certificate of enrolment " + enrolment + " failed", e);
            }
        }
        context.setResult(issued + failed == 0 ? null : issued + " certificates issued" + (failed == 0 ? "" : ", " + failed + " failed"));
    }
}
