package org.hamkke.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamkke.identity.Allowed;
import org.hamkke.identity.Role;
import org.hamkke.shared.db.Rows;
import org.hamkke.shared.retention.Housekeeper;

/** The history of job executions: what ran, where, how long, and how it ended. */
/** The job history: written by the scheduler, read on the jobs page. */
@Allowed(value = {Role.STAFF, Role.ADMIN}, portal = true)
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class JobRuns implements Housekeeper {

    @Inject
    EntityManager em;

    @Inject
    @ConfigProperty(name = "hamkke.housekeeping.job-run-age", defaultValue = "P90D")
    Duration keep;

    public record JobRun(
            String jobName, String triggerName, String instanceName, Instant scheduledAt, Instant startedAt,
            Instant finishedAt, String outcome, boolean recovering, String detail) {

        public Duration duration() {
            return finishedAt == null ? null : Duration.between(startedAt, finishedAt);
        }
    }

    public record Instance(String name, Instant lastCheckin, Duration checkinInterval) {}

    void started(String job, String trigger, String fireId, String instance, Instant scheduledAt, Instant startedAt,
            boolean recovering) {
        em.createNativeQuery(
                        """
                        insert into job_run (job_name, trigger_name, fire_id, instance_name, scheduled_at, started_at, outcome, recovering)
                        values (?1, ?2, ?3, ?4, ?5, ?6, 'RUNNING', ?7)
                        on conflict (instance_name, fire_id) do nothing
                        """)
                .setParameter(1, job)
                .setParameter(2, trigger)
                .setParameter(3, fireId)
                .setParameter(4, instance)
                .setParameter(5, scheduledAt == null ? null : Timestamp.from(scheduledAt))
                .setParameter(6, Timestamp.from(startedAt))
                .setParameter(7, recovering)
                .executeUpdate();
    }

    void finished(String fireId, String instance, Instant finishedAt, boolean succeeded, String detail) {
        em.createNativeQuery(
                        """
                        update job_run set finished_at = ?1, outcome = ?2, detail = ?3
                        where instance_name = ?4 and fire_id = ?5
                        """)
                .setParameter(1, Timestamp.from(finishedAt))
                .setParameter(2, succeeded ? "SUCCEEDED" : "FAILED")
                .setParameter(3, detail == null ? null : detail.substring(0, Math.min(detail.length(), 2000)))
                .setParameter(4, instance)
                .setParameter(5, fireId)
                .executeUpdate();
    }

    void forget(String fireId, String instance) {
        em.createNativeQuery("delete from job_run where instance_name = ?1 and fire_id = ?2")
                .setParameter(1, instance)
                .setParameter(2, fireId)
                .executeUpdate();
    }

    /** The most recent run of each job, by job name. */
    public Map<String, JobRun> latestPerJob() {
        List<JobRun> runs = Rows.list(em.createNativeQuery(
                        """
                        select distinct on (job_name) job_name, trigger_name, instance_name, scheduled_at, started_at,
                               finished_at, outcome, recovering, detail
                        from job_run order by job_name, started_at desc, id desc
                        """), JobRuns::toRun);
        Map<String, JobRun> latest = new HashMap<>();
        for (JobRun run : runs) {
            latest.put(run.jobName(), run);
        }
        return latest;
    }

    public List<JobRun> recent(String jobName, int limit) {
        return Rows.list(em.createNativeQuery(
                                """
                                select job_name, trigger_name, instance_name, scheduled_at, started_at,
                                       finished_at, outcome, recovering, detail
                                from job_run where job_name = ?1 order by started_at desc, id desc limit ?2
                                """)
                        .setParameter(1, jobName)
                        .setParameter(2, limit),
                JobRuns::toRun);
    }

    /** The instances sharing the job store, as Quartz's cluster check-in table knows them. */
    public List<Instance> instances() {
        return Rows.list(em.createNativeQuery(
                        "select instance_name, last_checkin_time, checkin_interval from qrtz_scheduler_state order by instance_name"),
                r -> new Instance(r.text("instance_name"), Instant.ofEpochMilli(r.id("last_checkin_time")),
                        Duration.ofMillis(r.id("checkin_interval"))));
    }

    private static JobRun toRun(Rows.Row r) {
        return new JobRun(r.text("job_name"), r.text("trigger_name"), r.text("instance_name"), r.instant("scheduled_at"),
                r.instant("started_at"), r.instant("finished_at"), r.text("outcome"), r.flag("recovering"), r.text("detail"));
    }

    @Override
    public String name() {
        return "job history";
    }

    @Override
    public int clean(Instant now) {
        return em.createNativeQuery("delete from job_run where started_at < ?1")
                .setParameter(1, Timestamp.from(now.minus(keep)))
                .executeUpdate();
    }
}
