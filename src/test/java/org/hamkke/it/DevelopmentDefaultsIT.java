package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hamkke.devstack.Portal;
import org.hamkke.devstack.Stack;
import org.junit.jupiter.api.Test;

/**
 * A portal started outside the dev run (no {@code hamkke.dev-mode}) with the development client
 * secret published in the source does not deploy: one log line names the setting, never its value,
 * and nothing of the application answers.
 */
class DevelopmentDefaultsIT {

    @Test
    void aPortalWithThePublishedClientSecretRefusesToStart() throws Exception {
        Stack stack = TestStack.owned();
        assumeTrue(stack != null, "needs the stack this run started");
        Path dir = stack.settings().dataDir().resolve("production-like-portal");
        org.hamkke.devstack.Files2.deleteTree(dir);
        int port = org.hamkke.devstack.Ports.free();
        // No database where it points: a refused portal must not need one, nor touch one.
        try (Portal portal = stack.portal(dir, port, "jdbc:postgresql://localhost:" + org.hamkke.devstack.Ports.free() + "/hamkke")
                .with("hamkke.dev-mode", "false")) {
            portal.launch();
            String log = awaitLog(portal.log(), "ready in", 180);
            assertTrue(log.contains("Refusing to start: hamkke.oidc.client-secret (HAMKKE_OIDC_CLIENT_SECRET) still has the development value"),
                    "The reason, naming the setting: " + tail(log));
            assertFalse(log.contains("hamkke.db.password (HAMKKE_DB_PASSWORD)"), "The database password was set");
            assertFalse(log.contains("Refusing to start: dev-only") || log.matches("(?s).*Refusing[^\\n]*dev-only-not-a-secret.*"),
                    "The secret's value is never logged");
            assertFalse(log.contains("Database schema is at version"), "Refused before the schema is touched");

            HttpClient http = HttpClient.newHttpClient();
            var home = http.send(HttpRequest.newBuilder(URI.create(portal.baseUrl() + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(home.statusCode() >= 400 && !home.body().contains("home-title"),
                    "Nothing of the portal answers: " + home.statusCode() + " " + home.body());
            var ready = http.send(HttpRequest.newBuilder(URI.create(portal.baseUrl() + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.println("Readiness of a portal that refused to start: " + ready.statusCode() + " " + ready.body());
            assertFalse(ready.body().contains("\"database\""), "The portal's own checks are not there: " + ready.body());
        }
    }

    private static String awaitLog(Path log, String line, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        String text = "";
        while (System.nanoTime() < deadline) {
            text = Files.exists(log) ? Files.readString(log) : "";
            if (text.contains(line)) {
                return text;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("No '" + line + "' in the log within " + seconds + " s: " + tail(text));
    }

    private static String tail(String log) {
        return log.substring(Math.max(0, log.length() - 3000));
    }
}
