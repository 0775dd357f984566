package org.hamkke.devstack;

import java.io.IOException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Keycloak from the Maven Central distribution (keycloak-quarkus-dist tar.gz), unpacked once into
 * a home folder and started in dev mode with the realm from realm-config/ and the login theme
 * from themes/.
 *
 * <p>Keycloak skips importing a realm that exists, so when realm-config/ changes its stored data
 * is reset and the realm imported afresh (a hash of the realm files tells).
 */
public final class Keycloak implements AutoCloseable {

    public static final String REALM = "hamkke";
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    private final Path distribution;
    private final Path home;
    private final Path projectDir;
    private final int port;
    private final int managementPort;
    private final String portalUrl;
    private final String clientSecret;
    private final int smtpPort;
    private final Path log;
    private Process process;

    public Keycloak(Path distribution, Path home, Path projectDir, int port, int managementPort,
            String portalUrl, String clientSecret, int smtpPort) {
        this.smtpPort = smtpPort;
        this.distribution = distribution;
        this.home = home;
        this.projectDir = projectDir;
        this.port = port;
        this.managementPort = managementPort;
        this.portalUrl = portalUrl;
        this.clientSecret = clientSecret;
        this.log = home.resolveSibling("keycloak.log");
    }

    public void start() throws IOException, InterruptedException {
        unpackOnce();
        installTheme();
        importRealmIfChanged();
        ProcessBuilder builder = new ProcessBuilder(
                "bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port,
                "--http-management-port=" + managementPort,
                "--import-realm",
                "--cache=local",
                "--log-level=WARN,org.keycloak.services:ERROR");
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("HAMKKE_PORTAL_URL", portalUrl);
        env.put("HAMKKE_OIDC_CLIENT_SECRET", clientSecret);
        // Keycloak's own mails (verify e-mail, reset password) go to the local mail catcher.
        env.put("HAMKKE_SMTP_HOST", "localhost");
        env.put("HAMKKE_SMTP_PORT", String.valueOf(smtpPort));
        env.put("HAMKKE_SMTP_STARTTLS", "false");
        env.put("HAMKKE_MAIL_FROM_ADDRESS", "noreply@hamkke.example");
        env.putIfAbsent("JAVA_OPTS_KC_HEAP", "-XX:MaxRAMPercentage=10 -XX:InitialRAMPercentage=2");
        // Keycloak's thread pool resets thread locals through java.lang internals; on JDK 24+ that
        // needs the package opened, or every worker thread logs an IllegalAccessError.
        env.putIfAbsent("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = builder.start();
        Waits.until("Keycloak (log: " + log + ")", Duration.ofMinutes(6),
                () -> Waits.status(issuer() + "/.well-known/openid-configuration") == 200, process);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    public Path log() {
        return log;
    }

    private void unpackOnce() throws IOException, InterruptedException {
        if (Files.exists(home.resolve("bin/kc.sh"))) {
            return;
        }
        Path parent = home.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "keycloak-unpack");
        run(new ProcessBuilder("tar", "xzf", distribution.toString(), "-C", staging.toString(), "--strip-components=1"));
        Files.move(staging, home);
    }

    /** A link, so editing themes/ shows at the next page load (dev mode caches no themes). */
    private void installTheme() throws IOException {
        Path target = home.resolve("themes/hamkke");
        if (!Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(target, projectDir.resolve("themes/hamkke").toAbsolutePath());
        }
    }

    private void importRealmIfChanged() throws IOException {
        List<Path> files = List.of(
                projectDir.resolve("realm-config/hamkke-realm.json"),
                projectDir.resolve("realm-config/dev/hamkke-users-0.json"));
        String hash = hash(files) + ":" + portalUrl + ":" + smtpPort;
        Path marker = home.resolve("data/realm-config.sha256");
        if (Files.exists(marker) && Files.readString(marker).equals(hash)) {
            return;
        }
        Files2.deleteTree(home.resolve("data/h2"));
        Path importDir = home.resolve("data/import");
        Files2.deleteTree(importDir);
        Files.createDirectories(importDir);
        for (Path file : files) {
            Files.copy(file, importDir.resolve(file.getFileName()));
        }
        Files.writeString(marker, hash);
    }

    private static String hash(List<Path> files) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(ProcessBuilder builder) throws IOException, InterruptedException {
        Process p = builder.inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException("Failed: " + String.join(" ", builder.command()));
        }
    }

    @Override
    public void close() {
        Processes.stop(process);
    }

}
