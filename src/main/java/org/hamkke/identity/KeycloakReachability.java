package org.hamkke.identity;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Whether Keycloak answers, watched in the background so a page can say "sign-in is temporarily
 * unavailable" at once instead of hanging, and readiness can report it. A change of state is
 * logged in one line, not once per check.
 */
/** Whether sign-in can work, asked before anyone is signed in. */
@Allowed(anyone = true)
@ApplicationScoped
public class KeycloakReachability {

    private static final Logger LOG = Logger.getLogger(KeycloakReachability.class.getName());
    private static final int CHECK_SECONDS = 5;

    @Inject
    OidcConfig config;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile Boolean reachable;
    private ScheduledFuture<?> watch;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        watch = scheduler.scheduleWithFixedDelay(this::check, 0, CHECK_SECONDS, TimeUnit.SECONDS);
    }

    public boolean isReachable() {
        return Boolean.TRUE.equals(reachable);
    }

    void check() {
        boolean now = probe();
        Boolean before = reachable;
        reachable = now;
        if (before == null || before != now) {
            if (now) {
                LOG.info(() -> "Keycloak is reachable at " + config.getProviderUri());
            } else {
                LOG.severe(() -> "Keycloak unreachable at " + config.getProviderUri()
                        + "; sign-in is unavailable, checking again every " + CHECK_SECONDS + " s");
            }
        }
    }

    private boolean probe() {
        try {
            var request = HttpRequest.newBuilder(config.getDiscoveryUri())
                    .timeout(Duration.ofSeconds(3))
                    .GET()
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @PreDestroy
    void stop() {
        if (watch != null) {
            watch.cancel(true);
        }
    }
}
