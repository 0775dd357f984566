package org.hamkke.shared.db;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.annotation.sql.DataSourceDefinitions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The portal's one PostgreSQL database. URL and credentials come from MicroProfile Config
 * ({@code hamkke.db.url}, or the environment variable {@code HAMKKE_DB_URL}); Payara resolves the
 * {@code MPCONFIG} placeholders when it creates the pool.
 *
 * <p>Connections are validated before use so the pool heals by itself after the database
 * restarts; {@code stringtype=unspecified} lets JSON text go into jsonb columns.
 */
@ApplicationScoped
@DataSourceDefinitions({
    @DataSourceDefinition(
            name = Database.JNDI_NAME,
            className = "org.postgresql.ds.PGSimpleDataSource",
            url = "${MPCONFIG=hamkke.db.url:jdbc:postgresql://localhost:5432/hamkke}",
            user = "${MPCONFIG=hamkke.db.user:hamkke}",
            password = "${MPCONFIG=hamkke.db.password:hamkke}",
            minPoolSize = 2,
            maxPoolSize = 32,
            loginTimeout = 5,
            properties = {
                "stringtype=unspecified",
                "connectTimeout=5",
                "socketTimeout=60",
                "ApplicationName=hamkke",
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
                "fish.payara.fail-all-connections=true",
                "fish.payara.validate-atmost-once-period-in-seconds=2"
            }),
    // Quartz's job store commits its own local transactions on its own threads, so it gets a
    // small pool outside JTA; the same database, so its tables migrate with ours.
    @DataSourceDefinition(
            name = Database.SCHEDULER_JNDI_NAME,
            className = "org.postgresql.ds.PGSimpleDataSource",
            url = "${MPCONFIG=hamkke.db.url:jdbc:postgresql://localhost:5432/hamkke}",
            user = "${MPCONFIG=hamkke.db.user:hamkke}",
            password = "${MPCONFIG=hamkke.db.password:hamkke}",
            transactional = false,
            minPoolSize = 1,
            maxPoolSize = 8,
            loginTimeout = 5,
            properties = {
                "connectTimeout=5",
                "socketTimeout=60",
                "ApplicationName=hamkke-scheduler",
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
                "fish.payara.fail-all-connections=true",
                "fish.payara.validate-atmost-once-period-in-seconds=2"
            })
})
public class Database {
    public static final String JNDI_NAME = "java:app/jdbc/hamkke";
    public static final String SCHEDULER_JNDI_NAME = "java:app/jdbc/hamkke-scheduler";
}
