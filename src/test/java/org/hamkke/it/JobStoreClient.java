package org.hamkke.it;

import java.sql.DriverManager;
import java.util.Date;
import java.util.Map;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.DirectSchedulerFactory;
import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.simpl.SimpleThreadPool;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * A Quartz client on a portal's job store, never started: it only writes triggers, which the
 * portal instances then fire, as they would any trigger stored by another instance.
 */
public final class JobStoreClient implements AutoCloseable {

    private final Scheduler scheduler;

    public JobStoreClient(String jdbcUrl, String name) throws Exception {
        DBConnectionManager.getInstance().addConnectionProvider(name, new ConnectionProvider() {
            @Override
            public java.sql.Connection getConnection() throws java.sql.SQLException {
                return DriverManager.getConnection(jdbcUrl, "postgres", "");
            }

            @Override
            public void shutdown() {}

            @Override
            public void initialize() {}
        });
        JobStoreTX store = new JobStoreTX();
        store.setDataSource(name);
        store.setDriverDelegateClass(PostgreSQLDelegate.class.getName());
        store.setTablePrefix("qrtz_");
        store.setIsClustered(true);
        store.setUseProperties("true");
        // The portal's scheduler name (it is part of every row), a distinct instance id.
        DirectSchedulerFactory.getInstance().createScheduler("hamkke", name, new SimpleThreadPool(1, Thread.NORM_PRIORITY), store);
        scheduler = DirectSchedulerFactory.getInstance().getScheduler("hamkke");
    }

    /** One firing of the job, a moment from now, with the given data (strings only). */
    public Trigger fireOnce(String jobName, String triggerName, long delayMillis, Map<String, String> data) throws Exception {
        var builder = TriggerBuilder.newTrigger()
                .withIdentity(triggerName, "it")
                .forJob(JobKey.jobKey(jobName))
                .startAt(new Date(System.currentTimeMillis() + delayMillis));
        data.forEach(builder::usingJobData);
        Trigger trigger = builder.build();
        scheduler.scheduleJob(trigger);
        return trigger;
    }

    /** {@code times} firings, {@code intervalMillis} apart, starting a moment from now. */
    public Trigger fireRepeatedly(String jobName, String triggerName, int times, long intervalMillis) throws Exception {
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(triggerName, "it")
                .forJob(JobKey.jobKey(jobName))
                .startAt(new Date(System.currentTimeMillis() + 1500))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(intervalMillis)
                        .withRepeatCount(times - 1)
                        .withMisfireHandlingInstructionFireNow())
                .build();
        scheduler.scheduleJob(trigger);
        return trigger;
    }

    @Override
    public void close() throws Exception {
        scheduler.shutdown(false);
    }
}
