package org.hamkke.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamkke.identity.Allowed;
import org.hamkke.identity.Role;
import org.hamkke.scheduling.ClusteredScheduler;
import org.hamkke.shared.audit.Actor;
import org.hamkke.shared.audit.AuditLog;
import org.hamkke.shared.settings.SystemSettings;
import org.quartz.SchedulerException;

/** The hour the daily digest goes out: hamkke.digest.hour until an admin chooses another. */
@Allowed(value = {Role.STAFF, Role.ADMIN}, portal = true)
@ApplicationScoped
public class DigestHour {

    static final String SETTING = "digest.hour";

    @Inject
    SystemSettings settings;

    @Inject
    AuditLog audit;

    @Inject
    ClusteredScheduler scheduler;

    @Inject
    jakarta.enterprise.inject.Instance<DailyDigestJob> job;

    @Inject
    @ConfigProperty(name = "hamkke.digest.hour", defaultValue = "7")
    int configured;

    public int get() {
        return settings.find(SETTING).map(Integer::parseInt).orElse(configured);
    }

    /** Stores the new hour, audits it, and moves the trigger (on every instance: it lives in the job store). */
    @Transactional(rollbackOn = SchedulerException.class)
    @Allowed(Role.ADMIN)
    public void change(Actor admin, int newHour) throws SchedulerException {
        if (newHour < 0 || newHour > 23) {
            throw new IllegalArgumentException("An hour is 0 to 23");
        }
        int before = get();
        settings.put(SETTING, String.valueOf(newHour), admin.personId());
        audit.record(admin, "digest.hour", "setting", SETTING, before + " -> " + newHour);
        scheduler.reschedule(job.get());
    }
}
