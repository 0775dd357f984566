package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.hamkke.devstack.Portal;
import org.hamkke.devstack.Postgres;
import org.hamkke.devstack.Stack;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * A second portal started while its PostgreSQL and Keycloak are not there: it starts anyway,
 * says so in one log line each, shows friendly 503 pages, and heals when the database arrives.
 */
class StartWithoutDependenciesIT {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void portalStartsWithoutDatabaseAndKeycloakAndRecoversWhenTheDatabaseArrives() throws Exception {
        Stack stack = TestStack.owned();
        assumeTrue(stack != null, "needs the stack this run started");
        Path dir = stack.settings().dataDir().resolve("lonely-portal");
        org.hamkke.devstack.Files2.deleteTree(dir);
        int dbPort = free();
        int portalPort = free();
        Postgres lateDatabase = new Postgres(dir.resolve("postgres"), dbPort);
        try (Portal portal = new Portal(
                        Path.of(System.getProperty("hamkke.stack.dir"), "payara-micro.jar"),
                        Path.of(System.getProperty("hamkke.war")),
                        Path.of(System.getProperty("hamkke.project.dir"), "src/main/payara/pre-boot.asadmin"),
                        dir.resolve("portal"),
                        portalPort)
                .with("hamkke.db.url", "jdbc:postgresql://localhost:" + dbPort + "/hamkke")
                .with("hamkke.db.user", "postgres")
                .with("hamkke.dev-mode", "true")
                .with("hamkke.oidc.provider-uri", "http://localhost:" + free() + "/realms/hamkke")
                .with("hamkke.portal.base-url", "http://localhost:" + portalPort)) {
            portal.start();
            String base = portal.baseUrl();

            var ready = get(base + "/health/ready");
            assertEquals(503, ready.statusCode(), ready.body());
            assertTrue(ready.body().contains("\"database\",\"status\":\"DOWN\""), ready.body());
            assertTrue(ready.body().contains("\"keycloak\",\"status\":\"DOWN\""), ready.body());

            try (Visitor visitor = new Visitor()) {
                HtmlPage home = visitor.openRaw(base + "/") instanceof HtmlPage page ? page : null;
                assertEquals(503, visitor.status());
                assertEquals("error.unavailable", home.getElementById("error").getAttribute("data-error"));

                HtmlPage signIn = (HtmlPage) visitor.openRaw(base + "/signin");
                assertEquals(503, visitor.status());
                assertEquals("error.unavailable", signIn.getElementById("error").getAttribute("data-error"));
            }

            String log = Files.readString(portal.log());
            assertEquals(1, count(log, "Database unreachable"), "One clear line, not one per retry");
            assertEquals(1, count(log, "Keycloak unreachable"), "One clear line, not one per check");

            lateDatabase.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
            int status = 0;
            while (System.nanoTime() < deadline && status != 200) {
                Thread.sleep(1000);
                status = get(base + "/").statusCode();
            }
            assertEquals(200, status, "The portal migrates and serves once the database is there");
        } finally {
            lateDatabase.stop();
        }
    }

    private static int count(String text, String needle) {
        return text.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int free() {
        return org.hamkke.devstack.Ports.free();
    }
}
