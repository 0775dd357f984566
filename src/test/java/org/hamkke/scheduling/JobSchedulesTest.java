package org.hamkke.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.hamkke.notification.MailDeliveryJob;
import org.junit.jupiter.api.Test;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/** Each job's schedule and misfire policy, as the comments next to the jobs promise. */
class JobSchedulesTest {

    private static Trigger build(ScheduledJob job) {
        return TriggerBuilder.newTrigger().withIdentity(job.name()).withSchedule(job.schedule()).build();
    }

    private static SchedulerSettings zone(String zone) {
        var settings = new SchedulerSettings();
        settings.timeZone = zone;
        return settings;
    }

    @Test
    void housekeepingRunsNightlyAndOnceOnWakeUp() {
        var job = new HousekeepingJob();
        job.settings = zone("Asia/Seoul");
        CronTrigger trigger = (CronTrigger) build(job);
        assertEquals("0 30 3 ? * *", trigger.getCronExpression());
        assertEquals("Asia/Seoul", trigger.getTimeZone().getID());
        assertEquals(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW, trigger.getMisfireInstruction());
        assertTrue(job.requestsRecovery());
    }

    @Test
    void mailDeliverySkipsMissedRunsAndIsNotRecovered() throws Exception {
        var job = new MailDeliveryJob();
        var interval = MailDeliveryJob.class.getDeclaredField("interval");
        interval.setAccessible(true);
        interval.set(job, Duration.ofSeconds(30));
        SimpleTrigger trigger = (SimpleTrigger) build(job);
        assertEquals(30_000, trigger.getRepeatInterval());
        assertEquals(SimpleTrigger.REPEAT_INDEFINITELY, trigger.getRepeatCount());
        assertEquals(SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NEXT_WITH_REMAINING_COUNT, trigger.getMisfireInstruction());
        assertFalse(job.requestsRecovery());
        assertFalse(job.recordsIdleRuns());
    }

    @Test
    void remindersMissedDuringDowntimeAreDropped() {
        DailyJob job = new org.hamkke.intake.IntakeReminderJob();
        job.settings = zone("UTC");
        CronTrigger trigger = (CronTrigger) build(job);
        assertEquals("0 0 9 ? * *", trigger.getCronExpression());
        assertEquals(CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING, trigger.getMisfireInstruction());
    }

    @Test
    void theDigestRunsAtTheChosenHourAndOnceOnWakeUp() throws Exception {
        var job = new org.hamkke.notification.DailyDigestJob();
        ((DailyJob) job).settings = zone("Asia/Karachi");
        var hour = org.hamkke.notification.DailyDigestJob.class.getDeclaredField("hour");
        hour.setAccessible(true);
        hour.set(job, new org.hamkke.notification.DigestHour() {
            @Override
            public int get() {
                return 18;
            }
        });
        CronTrigger trigger = (CronTrigger) build(job);
        assertEquals("0 0 18 ? * *", trigger.getCronExpression());
        assertEquals("Asia/Karachi", trigger.getTimeZone().getID());
        assertEquals(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW, trigger.getMisfireInstruction());
    }

    /** The three daily jobs are scheduled one way: DailyJob reads the hour in the portal's zone and sets the misfire policy. */
    @Test
    void everyDailyJobIsScheduledTheSameWayInThePortalsZone() {
        for (DailyJob job : new DailyJob[] {new HousekeepingJob(), new org.hamkke.intake.IntakeReminderJob()}) {
            job.settings = zone("Africa/Dakar");
            assertEquals("Africa/Dakar", ((CronTrigger) build(job)).getTimeZone().getID(), job.name());
            assertTrue(org.quartz.utils.ClassUtils.isAnnotationPresent(job.getClass(), org.quartz.DisallowConcurrentExecution.class),
                    job.name() + " never runs twice at once");
        }
        assertEquals(CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING,
                ((CronTrigger) TriggerBuilder.newTrigger().withSchedule(DailyJob.daily(java.time.LocalTime.of(6, 15),
                        java.time.ZoneId.of("UTC"), DailyJob.WhenMissed.SKIP)).build()).getMisfireInstruction());
    }

    @Test
    void clusterCheckOnlyRunsWhenAsked() {
        assertNull(new ClusterCheckJob().schedule());
    }

    @Test
    void aTriggerIsReplacedOnlyWhenItsScheduleChanged() {
        Trigger seven = cron("0 0 7 ? * *");
        assertTrue(ClusteredScheduler.sameSchedule(seven, cron("0 0 7 ? * *")));
        assertFalse(ClusteredScheduler.sameSchedule(seven, cron("0 0 8 ? * *")));
        Trigger otherMisfire = TriggerBuilder.newTrigger()
                .withSchedule(CronScheduleBuilder.cronSchedule("0 0 7 ? * *").withMisfireHandlingInstructionDoNothing())
                .build();
        assertFalse(ClusteredScheduler.sameSchedule(seven, otherMisfire));
    }

    @Test
    void quartzStoresTheJobsOwnClassNotAProxy() {
        assertEquals(HousekeepingJob.class, ClusteredScheduler.beanClass(new HousekeepingJob()));
    }

    private static Trigger cron(String expression) {
        return TriggerBuilder.newTrigger()
                .withSchedule(CronScheduleBuilder.cronSchedule(expression).withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}
