package org.hamkke.shared.db;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date with Flyway when the portal starts, before anything uses JPA
 * (EclipseLink never creates tables). If the database cannot be reached the portal still starts:
 * it says so in one line and tries again every few seconds; until then pages that need data show
 * "temporarily unavailable" and readiness reports DOWN.
 *
 * <p>With {@code hamkke.demo-data=true} (the dev run) the demo data in {@code db/demo} is applied
 * as well; production never sees it.
 */
@ApplicationScoped
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());
    private static final int RETRY_SECONDS = 5;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "hamkke.demo-data", defaultValue = "false")
    boolean demoData;

    @Inject
    Event<SchemaReady> schemaReady;

    private volatile boolean migrated;
    private volatile ScheduledFuture<?> retry;
    private boolean reportedDown;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (tryMigrate()) {
            schemaReady.fire(new SchemaReady());
        } else {
            retry = scheduler.scheduleWithFixedDelay(
                    () -> {
                        if (tryMigrate()) {
                            retry.cancel(false);
                            schemaReady.fire(new SchemaReady());
                        }
                    },
                    RETRY_SECONDS,
                    RETRY_SECONDS,
                    TimeUnit.SECONDS);
        }
    }

    /** Whether the schema is known to be current: JPA may be used. */
    public boolean isMigrated() {
        return migrated;
    }

    private synchronized boolean tryMigrate() {
        if (migrated) {
            return true;
        }
        try {
            List<String> locations = new ArrayList<>(List.of("classpath:db/migration"));
            if (demoData) {
                locations.add("classpath:db/demo");
            }
            var result = Flyway.configure(getClass().getClassLoader())
                    .dataSource(dataSource)
                    .locations(locations.toArray(String[]::new))
                    .failOnMissingLocations(true)
                    // A database once run with the demo data stays valid without it.
                    .ignoreMigrationPatterns("repeatable:missing")
                    .load()
                    .migrate();
            migrated = true;
            // Flyway names no target version when nothing was applied: then it is the version found.
            String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
            LOG.info(() -> "Database schema is at version " + version + " ("
                    + result.migrationsExecuted + " migrations applied now)");
            return true;
        } catch (RuntimeException e) {
            if (!reportedDown) {
                reportedDown = true;
                LOG.severe(() -> "Database unreachable or migration failed (" + rootMessage(e)
                        + "); the portal keeps retrying every " + RETRY_SECONDS + " s");
            }
            return false;
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @PreDestroy
    void stop() {
        if (retry != null) {
            retry.cancel(true);
        }
    }
}
