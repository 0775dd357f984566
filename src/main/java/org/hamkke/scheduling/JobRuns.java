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
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        select distinct on (job_name) job_name, trigger_name, instance_name, scheduled_at, started_at,
                               finished_at, outcome, recovering, detail
                        from job_run order by job_name, started_at desc, id desc
                        """)
                .getResultList();
        Map<String, JobRun> latest = new HashMap<>();
        for (Object[] r : rows) {
            JobRun run = toRun(r);
            latest.put(run.jobName(), run);
        }
        return latest;
    }

    public List<JobRun> recent(String jobName, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        select job_name, trigger_name, instance_name, scheduled_at, started_at,
                               finished_at, outcome, recovering, detail
                        from job_run where job_name = ?1 order by started_at desc, id desc limit ?2
                        """)
                .setParameter(1, jobName)
                .setParameter(2, limit)
                .getResultList();
        return rows.stream().map(JobRuns::toRun).toList();
    }

    /** The instances sharing the job store, as Quartz's cluster check-in table knows them. */
    public List<Instance> instances() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select instance_name, last_checkin_time, checkin_interval from qrtz_scheduler_state order by instance_name")
                .getResultList();
        return rows.stream()
                .map(r -> new Instance((String) r[0], Instant.ofEpochMilli(((Number) r[1]).longValue()),
                        Duration.ofMillis(((Number) r[2]).longValue())))
                .toList();
    }

    private static JobRun toRun(Object[] r) {
        return new JobRun((String) r[0], (String) r[1], (String) r[2], instant(r[3]), instant(r[4]), instant(r[5]),
                (String) r[6], Boolean.TRUE.equals(r[7]), (String) r[8]);
    }

    private static Instant instant(Object value) {
        return value == null ? null : ((Timestamp) value).toInstant();
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
