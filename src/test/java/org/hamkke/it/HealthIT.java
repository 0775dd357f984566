package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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

        assertEquals(200, waitForReadiness(body -> body.contains("\"UP\""), Duration.ofSeconds(20)).statusCode());
        assertEquals(200, get("/health/live").statusCode());

        stack.postgres().stop();
        try {
            HttpResponse<String> down = waitForReadiness(
                    body -> body.contains("\"database\",\"status\":\"DOWN\""), Duration.ofSeconds(30));
            assertEquals(503, down.statusCode());
            assertTrue(down.body().contains("\"keycloak\",\"status\":\"UP\""), down.body());
            assertEquals(200, get("/health/live").statusCode(), "Liveness does not depend on the database");

            try (Visitor visitor = new Visitor()) {
                HtmlPage page = visitor.open("/");
                assertEquals(503, visitor.status());
                assertEquals("error.unavailable", page.getElementById("error").getAttribute("data-error"));
            }
        } finally {
            stack.postgres().start();
        }

        assertEquals(200, waitForReadiness(body -> body.contains("\"status\":\"UP\""), Duration.ofSeconds(60)).statusCode());
        try (Visitor visitor = new Visitor()) {
            visitor.open("/");
            assertEquals(200, visitor.status(), "The pool recovers by itself once PostgreSQL is back");
        }
    }

    private HttpResponse<String> waitForReadiness(Predicate<String> expected, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = get("/health/ready");
            if (expected.test(last.body().replace(" ", ""))) {
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
