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

    @Test
    void housekeepingRunsNightlyAndOnceOnWakeUp() {
        var job = new HousekeepingJob();
        job.settings = new SchedulerSettings();
        job.settings.timeZone = "Asia/Seoul";
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
        var job = new org.hamkke.intake.IntakeReminderJob();
        try {
            var settings = org.hamkke.intake.IntakeReminderJob.class.getDeclaredField("settings");
            settings.setAccessible(true);
            var s = new SchedulerSettings();
            s.timeZone = "UTC";
            settings.set(job, s);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        CronTrigger trigger = (CronTrigger) build(job);
        assertEquals("0 0 9 ? * *", trigger.getCronExpression());
        assertEquals(CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING, trigger.getMisfireInstruction());
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
