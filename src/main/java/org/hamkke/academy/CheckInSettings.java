package org.hamkke.academy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The check-in's margins and guessing limit, from MicroProfile Config (overridable by environment variables). */
@ApplicationScoped
class CheckInSettings {

    /** How long before a session starts its code works. */
    @Inject
    @ConfigProperty(name = "hamkke.academy.check-in.opens-before", defaultValue = "PT15M")
    Duration opensBefore;

    /** How long after the start a check-in still counts as present; later ones are late. */
    @Inject
    @ConfigProperty(name = "hamkke.academy.check-in.late-after", defaultValue = "PT10M")
    Duration lateAfter;

    /** Wrong codes allowed per person and window. */
    @Inject
    @ConfigProperty(name = "hamkke.academy.check-in.max-failures", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "hamkke.academy.check-in.failure-window", defaultValue = "PT10M")
    Duration failureWindow;

    CheckInWindow window(Instant start, Instant end) {
        return CheckInWindow.of(start, end, opensBefore, lateAfter);
    }

    AttemptLimit limit() {
        return new AttemptLimit(maxFailures, failureWindow);
    }
}
