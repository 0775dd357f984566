package org.hamkke.shared.settings;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start a portal that still uses a secret shipped in this repository: the Keycloak
 * client secret of the dev realm and the database password of the packaged defaults
 * ({@code META-INF/microprofile-config.properties}). Anyone can read them, so a portal using them
 * outside a developer's machine is open to whoever can reach its Keycloak or database.
 *
 * <p>The dev run and the tests say where they are with {@code hamkke.dev-mode=true}
 * ({@code devstack/Stack}); nothing else sets it, and production never should. Checked first,
 * before the schema is migrated: a refused portal touches nothing. The log names the setting and
 * its environment variable, never the value.
 */
@ApplicationScoped
public class DevelopmentDefaults {

    private static final Logger LOG = Logger.getLogger(DevelopmentDefaults.class.getName());

    /** The dev realm's client secret (realm-config/dev, and the packaged default). */
    static final String DEV_CLIENT_SECRET = "dev-only-not-a-secret";
    /** The packaged default database password. */
    static final String DEV_DB_PASSWORD = "hamkke";

    @Inject
    @ConfigProperty(name = "hamkke.dev-mode", defaultValue = "false")
    boolean devMode;

    @Inject
    @ConfigProperty(name = "hamkke.oidc.client-secret", defaultValue = DEV_CLIENT_SECRET)
    String clientSecret;

    @Inject
    @ConfigProperty(name = "hamkke.db.password", defaultValue = DEV_DB_PASSWORD)
    String dbPassword;

    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class) Object started) {
        List<String> left = stillDevelopmentValues(devMode, clientSecret, dbPassword);
        if (!left.isEmpty()) {
            String message = "Refusing to start: " + String.join(" and ", left)
                    + " still has the development value published in the source. Set it (see README, Configuration),"
                    + " or set hamkke.dev-mode=true on a developer's machine.";
            LOG.severe(message);
            throw new IllegalStateException(message);
        }
    }

    /** The settings (with their environment variables) that still hold a published development value, outside the dev run. */
    static List<String> stillDevelopmentValues(boolean devMode, String clientSecret, String dbPassword) {
        List<String> left = new ArrayList<>();
        if (devMode) {
            return left;
        }
        if (DEV_CLIENT_SECRET.equals(clientSecret)) {
            left.add("hamkke.oidc.client-secret (HAMKKE_OIDC_CLIENT_SECRET)");
        }
        if (DEV_DB_PASSWORD.equals(dbPassword)) {
            left.add("hamkke.db.password (HAMKKE_DB_PASSWORD)");
        }
        return left;
    }
}
