package org.hamkke.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.hamkke.identity.Allowed;
import org.hamkke.identity.Role;
import org.hamkke.shared.audit.Actor;
import org.hamkke.shared.audit.AuditLog;
import org.quartz.SchedulerException;

/**
 * What an admin may do to jobs: pause, resume, run now. Each is checked here (not only by hiding
 * buttons) and written to the audit log. The entry is written first: should Quartz refuse, the
 * transaction rolls back and no entry claims an action that did not happen.
 */
@Allowed(Role.ADMIN)
@ApplicationScoped
public class SchedulerControl {

    public static final String AUDIT_TYPE = "job";

    @FunctionalInterface
    public interface Action {
        void run() throws SchedulerException;
    }

    @Inject
    ClusteredScheduler scheduler;


    @Inject
    AuditLog audit;

    @Transactional(rollbackOn = SchedulerException.class)
    public void pause(Actor actor, String jobName) throws SchedulerException {
        audit.record(actor, "job.pause", AUDIT_TYPE, jobName, null);
        scheduler.require().pauseJob(ClusteredScheduler.key(known(jobName)));
    }

    @Transactional(rollbackOn = SchedulerException.class)
    public void resume(Actor actor, String jobName) throws SchedulerException {
        audit.record(actor, "job.resume", AUDIT_TYPE, jobName, null);
        scheduler.require().resumeJob(ClusteredScheduler.key(known(jobName)));
    }

    /** Fires the job once, now, on whichever instance takes it; its schedule is unchanged. */
    @Transactional(rollbackOn = SchedulerException.class)
    public void runNow(Actor actor, String jobName) throws SchedulerException {
        audit.record(actor, "job.run-now", AUDIT_TYPE, jobName, null);
        scheduler.require().triggerJob(ClusteredScheduler.key(known(jobName)));
    }

    private String known(String jobName) {
        return scheduler.job(jobName).map(ScheduledJob::name)
                .orElseThrow(() -> new IllegalArgumentException("No job " + jobName));
    }

}
