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
    private final Path bootCommands;
    private final int port;
    private final Map<String, String> config = new LinkedHashMap<>();
    private final Path log;
    private Process process;
    private boolean classDataSharing;
    private String cluster;
    private long logStart;

    public Portal(Path payaraJar, Path war, Path bootCommands, Path workDir, int port) {
        this.bootCommands = bootCommands;
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

    /**
     * Keep what the JVM learnt in the first start for the later ones: the first start is a
     * training run, written when it stops; later starts map the classes (already parsed and
     * linked) instead of loading them. On JDK 25+ that is an ahead-of-time cache (JEP 483/515:
     * classes linked, method profiles kept); on JDK 21-24 a class-data-sharing archive. A third or
     * more off the start on 2 cores (BENCHMARKS.md). Off for the tests, which start once on a
     * fresh folder.
     */
    public Portal withClassDataSharing(boolean enabled) {
        this.classDataSharing = enabled;
        return this;
    }

    /**
     * Joins a Payara (Hazelcast) cluster instead of running alone: the instances of one cluster
     * share the HTTP sessions (the WAR is distributable). Members find each other over TCP on the
     * loopback at the listed data-grid ports, under a cluster name of their own, so nothing else on
     * the machine (the dev run, another test run) joins by accident.
     */
    public Portal clustered(String clusterName, int ownPort, List<Integer> memberPorts) {
        String members = memberPorts.stream().map(p -> "127.0.0.1:" + p).collect(java.util.stream.Collectors.joining(","));
        this.cluster = "--clustername " + clusterName + " --clustermode tcpip:" + members + " --startport " + ownPort;
        return this;
    }

    public void start() throws IOException, InterruptedException {
        launch();
        Waits.until("Portal (log: " + log + ")", Duration.ofMinutes(3),
                this::isDeployed, process);
    }

    /** Starts the process without waiting for the deployment (a test of a portal that must refuse to start). */
    public void launch() throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        logStart = Files.exists(log) ? Files.size(log) : 0;
        Path root = prepareRootDir();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> options = javaOptions();
        command.addAll(options);
        if (classDataSharing) {
            command.add(classDataOption(root, options));
        }
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of(
                "-jar", root.resolve("launch-micro.jar").toString(),
                "--deploy", war.toString(),
                "--contextroot", "/",
                "--port", String.valueOf(port),
                "--prebootcommandfile", bootCommands.toString()));
        command.addAll(cluster == null ? List.of("--nocluster") : List.of(cluster.split(" ")));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /**
     * For the dev run and the tests only: the quick JIT compiler alone (C1). They start the portal
     * often and serve it little, and on two cores the optimising compiler (C2) takes a core for the
     * first seconds of a start: about 11 s to first page instead of 14 (BENCHMARKS.md). Production
     * keeps both compilers ({@code java.options}), whose pages cost about a third less CPU once
     * warm. C1's default code cache is small enough to force full collections during a start,
     * hence the larger one.
     */
    static final List<String> START_TIME_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=128m");

    /**
     * The portal's JVM options: production's, from {@code java.options} beside the pre-boot file
     * (README), and {@link #START_TIME_OPTIONS}. {@code hamkke.portal.java-options} replaces them
     * all, e.g. to compare compilers in a benchmark.
     */
    private List<String> javaOptions() throws IOException {
        String configured = System.getProperty("hamkke.portal.java-options", "").strip();
        if (!configured.isEmpty()) {
            return List.of(configured.split("\\s+"));
        }
        List<String> options = new ArrayList<>(Files.readAllLines(bootCommands.resolveSibling("java.options")).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList());
        options.addAll(START_TIME_OPTIONS);
        return options;
    }

    /**
     * The option that maps the cache of an earlier start, or records one in this start. A cache
     * made by another JDK or with other options is made again: the JVM would only warn and
     * start without it.
     */
    private static String classDataOption(Path root, List<String> options) throws IOException {
        boolean aotCache = Runtime.version().feature() >= 25;
        Path cache = root.resolve(aotCache ? "hamkke.aot" : "hamkke-classes.jsa");
        Path madeWith = root.resolve(cache.getFileName() + ".made-with");
        // The JDK's scratch file while it writes the cache: still there means the writing was cut off.
        Path unfinished = root.resolve(cache.getFileName() + ".config");
        String fingerprint = System.getProperty("java.home") + " " + Runtime.version() + " " + String.join(" ", options);
        if (Files.exists(cache) && !Files.exists(unfinished)
                && Files.exists(madeWith) && Files.readString(madeWith).equals(fingerprint)) {
            return (aotCache ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + cache;
        }
        Files.deleteIfExists(cache);
        Files.deleteIfExists(unfinished);
        Files.writeString(madeWith, fingerprint);
        return (aotCache ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + cache;
    }

    /**
     * Payara's unpacked runtime with its launcher, made once (again when payara-micro.jar
     * changes) so its jars keep their paths and dates, which a class-data-sharing archive needs.
     * The WAR deployed last time is forgotten first: Payara would otherwise deploy the old one
     * and then the new one, losing seconds and running old code first.
     */
    private Path prepareRootDir() throws IOException, InterruptedException {
        Path root = workDir.resolve("payara-root");
        Path launcher = root.resolve("launch-micro.jar");
        if (!Files.exists(launcher)
                || Files.getLastModifiedTime(launcher).compareTo(Files.getLastModifiedTime(payaraJar)) < 0) {
            Files2.deleteTree(root);
            Process unpack = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                            "-jar", payaraJar.toString(), "--rootdir", root.toString(), "--outputlauncher")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            if (unpack.waitFor() != 0 || !Files.exists(launcher)) {
                throw new IOException("Could not unpack Payara Micro into " + root + " (see " + log + ")");
            }
        }
        forgetDeployedApplications(root);
        return root;
    }

    static void forgetDeployedApplications(Path root) throws IOException {
        Files2.deleteTree(root.resolve("applications"));
        Path domain = root.resolve("config/domain.xml");
        if (Files.exists(domain)) {
            String xml = Files.readString(domain);
            String cleaned = xml.replaceAll("(?s)<application [^>]*?object-type=\"user\".*?</application>", "")
                    .replaceAll("<application-ref [^>]*?ref=\"(?!__)[^\"]*\"[^>]*?(/>|></application-ref>)", "");
            if (!cleaned.equals(xml)) {
                Files.writeString(domain, cleaned);
            }
        }
    }

    /**
     * Deployed when the portal's own health checks answer, UP or DOWN. Payara itself answers 404
     * or 503 on every address until then, so a status code alone cannot tell.
     */
    private boolean isDeployed() {
        if (!Waits.body(baseUrl() + "/health/ready").contains("\"database\"")) {
            return false;
        }
        if (deployFailed()) {
            throw new IllegalStateException("The portal's deployment failed: see " + log);
        }
        int home = Waits.status(baseUrl() + "/");
        return home == 200 || home == 503;
    }

    /** Payara says so in its log (this start's part) and then serves 404 everywhere: no need to wait minutes. */
    private boolean deployFailed() {
        try {
            return logOfThisStart().contains("Exception while loading the app");
        } catch (IOException e) {
            return false;
        }
    }

    /** What this start of the portal has logged (the file keeps earlier starts' lines too). */
    public String logOfThisStart() throws IOException {
        try (var in = Files.newInputStream(log)) {
            in.skipNBytes(logStart);
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
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

    /** Ends the portal the hard way (kill -9): no shutdown hooks, no goodbye to the cluster. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
