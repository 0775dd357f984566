package org.hamkke.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamkke.identity.Allowed;

/** The scheduler's configuration (MicroProfile Config; see README, Configuration). */
/** Configuration only. */
@Allowed(anyone = true)
@ApplicationScoped
public class SchedulerSettings {

    /** False on an instance that should serve pages only and never run jobs. */
    @Inject
    @ConfigProperty(name = "hamkke.scheduler.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "hamkke.scheduler.threads", defaultValue = "3")
    int threads;

    /** How often each instance tells the others it is alive; a silent one is taken for dead. */
    @Inject
    @ConfigProperty(name = "hamkke.scheduler.checkin-interval", defaultValue = "PT7.5S")
    Duration checkinInterval;

    /** How long an idle instance waits before looking for triggers another instance added. */
    @Inject
    @ConfigProperty(name = "hamkke.scheduler.idle-wait", defaultValue = "PT15S")
    Duration idleWait;

    /** The zone that daily schedules ("the digest at 7") are read in. */
    @Inject
    @ConfigProperty(name = "hamkke.time-zone", defaultValue = "UTC")
    String timeZone;

    /** Defaults to host and process, so the jobs page says where a job ran. */
    @Inject
    @ConfigProperty(name = "hamkke.scheduler.instance-id")
    java.util.Optional<String> instanceId;

    public boolean enabled() {
        return enabled;
    }

    public int threads() {
        return threads;
    }

    public Duration checkinInterval() {
        return checkinInterval;
    }

    public Duration idleWait() {
        return idleWait;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public String instanceId() {
        if (instanceId.isPresent() && !instanceId.get().isBlank()) {
            return instanceId.get();
        }
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "host";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
