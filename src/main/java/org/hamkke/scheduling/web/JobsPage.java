package org.hamkke.scheduling.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.scheduling.ClusteredScheduler;
import org.hamkke.scheduling.JobRuns;
import org.hamkke.scheduling.JobRuns.JobRun;
import org.hamkke.scheduling.ScheduledJob;
import org.hamkke.scheduling.SchedulerControl;
import org.hamkke.shared.TemporarilyUnavailableException;
import org.hamkke.shared.web.PageMessages;
import org.quartz.CronTrigger;
import org.quartz.SchedulerException;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;

/**
 * "Scheduled jobs": every job with its trigger, next and previous fire time, and how its last run
 * went and where. Staff see it; only admins pause, resume or run a job, and the control checks
 * that again on the server.
 */
@Named
@RequestScoped
public class JobsPage {

    @Inject
    ClusteredScheduler scheduler;

    @Inject
    SchedulerControl control;

    @Inject
    JobRuns runs;

    @Inject
    CurrentUser currentUser;

    private List<Row> rows;
    private List<JobRuns.Instance> instances;

    public record Row(String name, String schedule, String state, Instant next, Instant previous, JobRun lastRun) {

        public boolean isPaused() {
            return "PAUSED".equals(state);
        }

        public boolean isScheduled() {
            return state != null;
        }
    }

    @PostConstruct
    void load() {
        if (!scheduler.isRunning()) {
            throw new TemporarilyUnavailableException();
        }
        try {
            Map<String, JobRun> latest = runs.latestPerJob();
            var quartz = scheduler.require();
            rows = new ArrayList<>();
            for (ScheduledJob job : scheduler.jobs()) {
                List<? extends Trigger> triggers = quartz.getTriggersOfJob(ClusteredScheduler.key(job.name())).stream()
                        .filter(t -> t.getKey().getName().equals(job.name()))
                        .toList();
                Trigger trigger = triggers.isEmpty() ? null : triggers.getFirst();
                rows.add(new Row(
                        job.name(),
                        describe(trigger),
                        trigger == null ? null : quartz.getTriggerState(trigger.getKey()).name(),
                        trigger == null || trigger.getNextFireTime() == null ? null : trigger.getNextFireTime().toInstant(),
                        trigger == null || trigger.getPreviousFireTime() == null ? null : trigger.getPreviousFireTime().toInstant(),
                        latest.get(job.name())));
            }
            rows.sort(java.util.Comparator.comparing(Row::name));
            instances = runs.instances();
        } catch (SchedulerException e) {
            throw new TemporarilyUnavailableException();
        }
    }

    private static String describe(Trigger trigger) {
        if (trigger instanceof CronTrigger cron) {
            return cron.getCronExpression() + " (" + cron.getTimeZone().getID() + ")";
        }
        if (trigger instanceof SimpleTrigger simple) {
            return "every " + simple.getRepeatInterval() / 1000 + " s";
        }
        return "";
    }

    public List<Row> getRows() {
        return rows;
    }

    public List<JobRuns.Instance> getInstances() {
        return instances;
    }

    public String getThisInstance() {
        return scheduler.instanceId();
    }

    public boolean isMayControl() {
        return currentUser.has("admin");
    }

    public String pause(String job) {
        return act(() -> control.pause(currentUser.actor(), job), "jobs.paused", job);
    }

    public String resume(String job) {
        return act(() -> control.resume(currentUser.actor(), job), "jobs.resumed", job);
    }

    public String runNow(String job) {
        return act(() -> control.runNow(currentUser.actor(), job), "jobs.started", job);
    }

    private String act(SchedulerControl.Action action, String doneKey, String job) {
        try {
            action.run();
            PageMessages.info(doneKey, PageMessages.text("job." + job));
        } catch (SecurityException e) {
            PageMessages.error("jobs.adminOnly", null);
        } catch (SchedulerException | IllegalArgumentException e) {
            PageMessages.error("jobs.failed", null);
        }
        return "/staff/jobs?faces-redirect=true";
    }
}
