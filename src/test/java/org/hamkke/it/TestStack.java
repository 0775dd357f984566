package org.hamkke.it;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hamkke.devstack.Keycloak;
import org.hamkke.devstack.Stack;

/**
 * The real stack for the integration tests, started once per test run on free ports and stopped
 * when the run ends ({@link StackSessionListener}). PostgreSQL starts empty each run, so the
 * portal's start also proves Flyway migrates an empty database.
 *
 * <p>For a quick loop while developing, {@code -Dhamkke.it.attach=true} runs the tests against an
 * already running dev stack ({@code mvn -Pdev package}) instead; tests that stop servers skip.
 */
public final class TestStack {

    private static Stack stack;
    private static boolean attached;

    private TestStack() {}

    public static synchronized void ensureStarted() {
        if (stack != null || attached) {
            return;
        }
        if (Boolean.getBoolean("hamkke.it.attach")) {
            attached = true;
            return;
        }
        try {
            Path dataDir = Path.of(System.getProperty("hamkke.stack.dir")).resolveSibling("it-stack");
            org.hamkke.devstack.Files2.deleteTree(dataDir.resolve("postgres"));
            Files.createDirectories(dataDir);
            var settings = new Stack.Settings(dataDir, free(), free(), free(), free(), free(), free(), false, false, true);
            stack = new Stack(settings);
            long started = System.nanoTime();
            stack.start();
            System.out.printf("Test stack up in %d s: portal %s, Keycloak %s%n",
                    (System.nanoTime() - started) / 1_000_000_000, stack.portal().baseUrl(), stack.keycloak().baseUrl());
        } catch (Exception e) {
            throw new IllegalStateException("The test stack did not start", e);
        }
    }

    private static int free() {
        return org.hamkke.devstack.Ports.free();
    }

    public static String portalUrl() {
        ensureStarted();
        return attached ? "http://localhost:8080" : stack.portal().baseUrl();
    }

    public static String keycloakUrl() {
        ensureStarted();
        return attached ? "http://localhost:8180" : stack.keycloak().baseUrl();
    }

    public static String realmUrl() {
        return keycloakUrl() + "/realms/" + Keycloak.REALM;
    }

    public static String jdbcUrl() {
        ensureStarted();
        return attached ? "jdbc:postgresql://localhost:15432/hamkke" : stack.postgres().jdbcUrl();
    }

    public static int smtpPort() {
        ensureStarted();
        return attached ? 3025 : stack.settings().smtpPort();
    }

    public static int imapPort() {
        ensureStarted();
        return attached ? 3143 : stack.settings().imapPort();
    }

    /** The stack this run started, or null when attached to a dev stack. */
    public static Stack owned() {
        ensureStarted();
        return stack;
    }

    static synchronized void stop() {
        if (stack != null) {
            try {
                stack.close();
            } catch (Exception e) {
                System.err.println("Stopping the test stack: " + e.getMessage());
            }
            stack = null;
        }
    }
}
