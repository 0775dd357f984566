package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.hamkke.devstack.Stack;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Readiness follows PostgreSQL down and back up; pages say "temporarily unavailable" meanwhile.
 * Runs last: it stops the database of the shared test stack (and starts it again).
 */
@Order(Integer.MAX_VALUE)
class HealthIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readinessGoesDownWithPostgresAndUpWhenItReturns() throws Exception {
        Stack stack = TestStack.owned();
        assumeTrue(stack != null, "needs the stack this run started");

        assertEquals(200, waitForReadiness(HealthIT::wholeAndUp, Duration.ofSeconds(20)).statusCode());
        assertEquals(200, get("/health/live").statusCode());

        stack.postgres().stop();
        try {
            HttpResponse<String> down = waitForReadiness(
                    body -> "DOWN".equals(checks(body).get("database")), Duration.ofSeconds(30));
            assertEquals(503, down.statusCode());
            Map<String, String> checks = checks(down.body());
            assertEquals("DOWN", checks.get("overall"), down.body());
            assertEquals("UP", checks.get("keycloak"), down.body());
            assertEquals(200, get("/health/live").statusCode(), "Liveness does not depend on the database");

            try (Visitor visitor = new Visitor()) {
                HtmlPage page = visitor.open("/");
                assertEquals(503, visitor.status());
                assertEquals("error.unavailable", page.getElementById("error").getAttribute("data-error"));
            }
        } finally {
            stack.postgres().start();
        }

        assertEquals(200, waitForReadiness(HealthIT::wholeAndUp, Duration.ofSeconds(60)).statusCode());
        try (Visitor visitor = new Visitor()) {
            visitor.open("/");
            assertEquals(200, visitor.status(), "The pool recovers by itself once PostgreSQL is back");
        }
    }

    /**
     * The readiness document as a map: each check's status by name, and the whole under "overall".
     * Matching a text instead ("UP" anywhere) took one check that was up for the whole document.
     */
    private static Map<String, String> checks(String body) {
        Map<String, String> statuses = new TreeMap<>();
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonObject document = reader.readObject();
            statuses.put("overall", document.getString("status", null));
            for (JsonObject check : document.getJsonArray("checks").getValuesAs(JsonObject.class)) {
                statuses.put(check.getString("name"), check.getString("status"));
            }
        } catch (RuntimeException notYetADocument) {
            return Map.of();
        }
        return statuses;
    }

    /** Both of the portal's checks reported and up, and the whole up. */
    private static boolean wholeAndUp(String body) {
        Map<String, String> checks = checks(body);
        return "UP".equals(checks.get("overall")) && "UP".equals(checks.get("database")) && "UP".equals(checks.get("keycloak"));
    }

    private HttpResponse<String> waitForReadiness(Predicate<String> expected, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = get("/health/ready");
            if (expected.test(last.body())) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Readiness never matched within " + limit.toSeconds() + " s; last: "
                + (last == null ? "none" : last.statusCode() + " " + last.body()));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(TestStack.portalUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
