package org.hamkke.shared.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The one clock the portal reads "now" from. Services take it (or the instant it gives) instead of
 * calling {@code Instant.now()}, so tests can ask "what happens at 23:59" without waiting.
 */
@ApplicationScoped
public class Clocks {

    @Produces
    @ApplicationScoped
    Clock systemClock() {
        return Clock.systemUTC();
    }
}
