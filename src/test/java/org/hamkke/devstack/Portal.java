package org.hamkke.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The portal: Payara Micro running the built WAR, configured through system properties that
 * MicroProfile Config reads (the same keys production sets as environment variables).
 */
public final class Portal implements AutoCloseable {

    private final Path payaraJar;
    private final Path war;
    private final Path workDir;
    private final Path postBoot;
    private final int port;
    private final Map<String, String> config = new LinkedHashMap<>();
    private final Path log;
    private Process process;

    public Portal(Path payaraJar, Path war, Path postBoot, Path workDir, int port) {
        this.postBoot = postBoot;
        this.payaraJar = payaraJar;
        this.war = war;
        this.workDir = workDir;
        this.port = port;
        this.log = workDir.resolve("portal.log");
    }

    public Portal with(String key, String value) {
        config.put(key, value);
        return this;
    }

    public void start() throws IOException {
        Files.createDirectories(workDir);
        // A reused root dir redeploys the previous WAR before the new one: seconds lost, and old
        // code running first. Payara unpacks a fresh one in about a second.
        Files2.deleteTree(workDir.resolve("payara-root"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-Xss512k"));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of(
                "-jar", payaraJar.toString(),
                "--deploy", war.toString(),
                "--contextroot", "/",
                "--port", String.valueOf(port),
                "--nocluster",
                "--rootdir", workDir.resolve("payara-root").toString(),
                "--postbootcommandfile", postBoot.toString()));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        Waits.until("Portal (log: " + log + ")", Duration.ofMinutes(3),
                this::isDeployed, process);
    }

    /**
     * Deployed when the portal's own health checks answer, UP or DOWN. Payara itself answers 404
     * or 503 on every address until then, so a status code alone cannot tell.
     */
    private boolean isDeployed() {
        if (!Waits.body(baseUrl() + "/health/ready").contains("\"database\"")) {
            return false;
        }
        int home = Waits.status(baseUrl() + "/");
        return home == 200 || home == 503;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
