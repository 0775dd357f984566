package org.hamkke.scheduling;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.hamkke.identity.Allowed;
import org.hamkke.identity.Callers;
import org.hamkke.identity.Role;
import org.hamkke.shared.db.Database;
import org.hamkke.shared.db.SchemaReady;
import org.quartz.CronTrigger;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.DirectSchedulerFactory;
import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.matchers.EverythingMatcher;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Quartz, embedded: started once the schema is current and stopped with the application. The job
 * store is the portal's PostgreSQL in clustered mode, so with several instances each trigger fires
 * on exactly one of them, and a job that was running on an instance that died is run again by
 * another (for jobs that request recovery). Jobs are CDI beans ({@link ScheduledJob}).
 */
/** The jobs page (staff and admins) and the scheduler's own work. */
@Allowed(value = {Role.STAFF, Role.ADMIN}, portal = true)
@ApplicationScoped
public class ClusteredScheduler {

    private static final Logger LOG = Logger.getLogger(ClusteredScheduler.class.getName());
    static final String NAME = "hamkke";
    private static final String DATA_SOURCE = "hamkke";

    @Resource(lookup = Database.SCHEDULER_JNDI_NAME)
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    SchedulerSettings settings;

    @Inject
    @Any
    Instance<ScheduledJob> jobs;

    @Inject
    @Any
    Instance<Object> beans;

    @Inject
    JobRuns runs;

    @Inject
    Clock clock;

    private volatile Scheduler scheduler;
    private boolean stopped;
    private String instanceId;

    void onSchemaReady(@Observes SchemaReady ready) {
        if (!settings.enabled()) {
            LOG.info("Scheduler disabled on this instance (hamkke.scheduler.enabled=false)");
            return;
        }
        // On a thread of its own: joining the cluster takes a second or so (check-in, recovery of a
        // failed instance's jobs) that the first page served need not wait for.
        Thread starting = threads.newThread(() -> Callers.asPortal("scheduler start", () -> {
            try {
                start();
            } catch (SchedulerException | RuntimeException e) {
                LOG.log(Level.SEVERE, "The scheduler did not start; scheduled work will not run on this instance", e);
            }
        }));
        starting.setName("hamkke-scheduler-start");
        starting.start();
    }

    private synchronized void start() throws SchedulerException {
        if (scheduler != null || stopped) {
            return;
        }
        instanceId = settings.instanceId();
        DBConnectionManager.getInstance().addConnectionProvider(DATA_SOURCE, new ContainerConnections(dataSource));

        JobStoreTX store = new JobStoreTX();
        store.setDataSource(DATA_SOURCE);
        try {
            store.setDriverDelegateClass(PostgreSQLDelegate.class.getName());
        } catch (org.quartz.impl.jdbcjobstore.InvalidConfigurationException e) {
            throw new SchedulerException(e);
        }
        store.setTablePrefix("qrtz_");
        store.setIsClustered(true);
        store.setClusterCheckinInterval(settings.checkinInterval().toMillis());
        store.setMisfireThreshold(60_000);
        // Job data as strings only: nothing from the database is ever deserialised as Java objects.
        store.setUseProperties("true");
        store.setAcquireTriggersWithinLock(true);

        var factory = DirectSchedulerFactory.getInstance();
        factory.createScheduler(NAME, instanceId, new ManagedThreadPool(threads, settings.threads()),
                new org.quartz.impl.DefaultThreadExecutor(), store, null, null, 0,
                settings.idleWait().toMillis(), 15_000, false, null, 1, 0);
        Scheduler created = factory.getScheduler(NAME);
        created.setJobFactory((bundle, ignored) -> newJob(bundle.getJobDetail().getJobClass()));
        created.getListenerManager().addJobListener(new JobRunRecorder(runs, clock, instanceId), EverythingMatcher.allJobs());
        for (ScheduledJob job : jobs) {
            register(created, job);
        }
        created.start();
        scheduler = created;
        LOG.info(() -> "Scheduler started as instance " + instanceId + " (clustered, " + settings.threads() + " threads)");
    }

    private Job newJob(Class<? extends Job> jobClass) {
        return (Job) beans.select(jobClass).get();
    }

    /** Stores the job, and its trigger unless an identical one is there (keeping it paused if it was). */
    private void register(Scheduler target, ScheduledJob job) throws SchedulerException {
        JobDetail detail = JobBuilder.newJob(beanClass(job))
                .withIdentity(job.name())
                .requestRecovery(job.requestsRecovery())
                .storeDurably()
                .build();
        target.addJob(detail, true);
        if (job.schedule() == null) {
            return;
        }
        Trigger wanted = triggerFor(job);
        Trigger existing = target.getTrigger(wanted.getKey());
        try {
            if (existing == null) {
                target.scheduleJob(wanted);
            } else if (!sameSchedule(existing, wanted)) {
                target.rescheduleJob(wanted.getKey(), wanted);
            }
        } catch (ObjectAlreadyExistsException anotherInstanceWasFirst) {
            // Two instances starting together: the other one stored the same trigger.
        }
    }

    private static Trigger triggerFor(ScheduledJob job) {
        return TriggerBuilder.newTrigger()
                .withIdentity(triggerKey(job.name()))
                .forJob(job.name())
                .withSchedule(job.schedule())
                .build();
    }

    static TriggerKey triggerKey(String jobName) {
        return TriggerKey.triggerKey(jobName);
    }

    static boolean sameSchedule(Trigger a, Trigger b) {
        if (a.getMisfireInstruction() != b.getMisfireInstruction()) {
            return false;
        }
        if (a instanceof CronTrigger ca && b instanceof CronTrigger cb) {
            return ca.getCronExpression().equals(cb.getCronExpression()) && ca.getTimeZone().equals(cb.getTimeZone());
        }
        if (a instanceof SimpleTrigger sa && b instanceof SimpleTrigger sb) {
            return sa.getRepeatInterval() == sb.getRepeatInterval() && sa.getRepeatCount() == sb.getRepeatCount();
        }
        return false;
    }

    /** CDI hands out proxies for normal-scoped beans; Quartz must store the real class. */
    @SuppressWarnings("unchecked")
    static Class<? extends Job> beanClass(ScheduledJob job) {
        Class<?> type = job.getClass();
        while (type.isSynthetic() || type.getName().contains("$Proxy$") || type.getName().contains("$$")) {
            type = type.getSuperclass();
        }
        return (Class<? extends Job>) type;
    }

    /** After an admin changed when a job runs (the digest hour). */
    public void reschedule(ScheduledJob job) throws SchedulerException {
        Scheduler running = require();
        Trigger wanted = triggerFor(job);
        if (running.getTrigger(wanted.getKey()) == null) {
            running.scheduleJob(wanted);
        } else {
            running.rescheduleJob(wanted.getKey(), wanted);
        }
    }

    public boolean isRunning() {
        return scheduler != null;
    }

    public String instanceId() {
        return instanceId;
    }

    /** The running scheduler, for the jobs page. */
    public Scheduler require() {
        Scheduler running = scheduler;
        if (running == null) {
            throw new IllegalStateException("The scheduler is not running on this instance");
        }
        return running;
    }

    public List<ScheduledJob> jobs() {
        return jobs.stream().toList();
    }

    public Optional<ScheduledJob> job(String name) {
        return jobs.stream().filter(j -> Objects.equals(j.name(), name)).findFirst();
    }

    public static JobKey key(String jobName) {
        return JobKey.jobKey(jobName);
    }

    /** Synchronized with start: a shutdown during the start waits for it, then stops what it started. */
    @PreDestroy
    synchronized void stop() {
        stopped = true;
        Scheduler running = scheduler;
        scheduler = null;
        if (running != null) {
            try {
                // Let running jobs finish: a job cut off here would only be retried elsewhere.
                running.shutdown(true);
            } catch (SchedulerException e) {
                LOG.log(Level.WARNING, "Scheduler did not stop cleanly", e);
            }
        }
    }

    private record ContainerConnections(DataSource dataSource) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {}

        @Override
        public void initialize() {}
    }
}
