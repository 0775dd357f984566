package org.hamkke.shared.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.hamkke.identity.KeycloakReachability;

/** Ready only when Keycloak answers: without it nobody can sign in. */
@Readiness
@ApplicationScoped
public class KeycloakReadiness implements HealthCheck {

    @Inject
    KeycloakReachability keycloak;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("keycloak").status(keycloak.isReachable()).build();
    }
}
