package org.hamkke.devstack;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The whole of Hamkke on one machine: PostgreSQL, Keycloak and the portal, wired together. The
 * dev run ({@link DevRun}) and the integration tests start it the same way; only folders and
 * ports differ.
 */
public final class Stack implements AutoCloseable {

    /**
     * @param quickTimings scheduler and mail retries in seconds rather than minutes, for the tests
     */
    public record Settings(
            Path dataDir, int postgresPort, int keycloakPort, int keycloakManagementPort, int portalPort,
            int smtpPort, int imapPort, boolean demoData, boolean classDataSharing, boolean quickTimings) {}

    public static final String CLIENT_SECRET = "dev-only-not-a-secret";

    private final Settings settings;
    private final Postgres postgres;
    private final Keycloak keycloak;
    private final Portal portal;
    private final MailCatcher mail;

    public Stack(Settings settings) {
        this.settings = settings;
        Path stackDir = Path.of(required("hamkke.stack.dir"));
        Path projectDir = Path.of(required("hamkke.project.dir"));
        String portalUrl = "http://localhost:" + settings.portalPort();
        mail = new MailCatcher(settings.smtpPort(), settings.imapPort(),
                settings.demoData() ? settings.dataDir().resolve("mail") : null);
        postgres = new Postgres(settings.dataDir().resolve("postgres"), settings.postgresPort());
        keycloak = new Keycloak(
                stackDir.resolve("keycloak-quarkus-dist.tar.gz"),
                settings.dataDir().resolve("keycloak"),
                projectDir,
                settings.keycloakPort(),
                settings.keycloakManagementPort(),
                portalUrl,
                CLIENT_SECRET,
                settings.smtpPort());
        portal = portal(settings.dataDir().resolve("portal"), settings.portalPort(), postgres.jdbcUrl())
                .withClassDataSharing(settings.classDataSharing());
    }

    /**
     * A portal instance wired to this stack's Keycloak and mail server, on the given database: the
     * stack's own, or (cluster tests) another database with more instances.
     */
    public Portal portal(Path workDir, int port, String jdbcUrl) {
        Path stackDir = Path.of(required("hamkke.stack.dir"));
        Path projectDir = Path.of(required("hamkke.project.dir"));
        String portalUrl = "http://localhost:" + settings.portalPort();
        Portal created = new Portal(stackDir.resolve("payara-micro.jar"), Path.of(required("hamkke.war")),
                        projectDir.resolve("src/main/payara/pre-boot.asadmin"), workDir, port)
                .with("hamkke.db.url", jdbcUrl)
                .with("hamkke.db.user", postgres.user())
                .with("hamkke.db.password", "unused")
                .with("hamkke.oidc.provider-uri", keycloak.issuer())
                .with("hamkke.oidc.client-secret", CLIENT_SECRET)
                // The dev realm's secret and the default database password are allowed here only.
                .with("hamkke.dev-mode", "true")
                .with("hamkke.portal.base-url", portalUrl)
                .with("hamkke.demo-data", String.valueOf(settings.demoData()))
                .with("hamkke.mail.host", "localhost")
                .with("hamkke.mail.port", String.valueOf(settings.smtpPort()))
                .with("hamkke.files.dir", workDir.resolve("files").toString());
        if (settings.quickTimings()) {
            created.with("hamkke.mail.retry-after", "PT2S")
                    .with("hamkke.mail.outbox-interval", "PT2S")
                    .with("hamkke.scheduler.idle-wait", "PT1S")
                    .with("hamkke.scheduler.checkin-interval", "PT2S");
        }
        return created;
    }

    public void start() throws Exception {
        for (int port : new int[] {
            settings.postgresPort(), settings.keycloakPort(), settings.keycloakManagementPort(), settings.portalPort(),
            settings.smtpPort(), settings.imapPort()
        }) {
            requireFree(port);
        }
        mail.start();
        postgres.start();
        keycloak.start();
        portal.start();
    }

    public Postgres postgres() {
        return postgres;
    }

    public Keycloak keycloak() {
        return keycloak;
    }

    public Portal portal() {
        return portal;
    }

    public MailCatcher mail() {
        return mail;
    }

    public Settings settings() {
        return settings;
    }

    /** A clear word instead of a server quietly answering from an earlier run. */
    private static void requireFree(int port) {
        try (var socket = new java.net.ServerSocket()) {
            socket.bind(new java.net.InetSocketAddress(port));
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " is already in use (an earlier run still up?)."
                    + " Stop it, or choose other ports: see README, 'The dev run'.");
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " is not set (run through Maven)");
        }
        return value;
    }

    @Override
    public void close() throws IOException {
        portal.close();
        keycloak.close();
        postgres.close();
        mail.close();
    }
}
