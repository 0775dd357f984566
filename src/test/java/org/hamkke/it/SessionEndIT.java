package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The portal session ends when Keycloak says so: signed out elsewhere, or the user disabled. */
class SessionEndIT {

    private static final String PASSWORD = "it-password-123";

    private KeycloakAdmin admin;
    private String username;
    private String userId;

    @BeforeEach
    void newUser() throws Exception {
        admin = new KeycloakAdmin();
        username = KeycloakAdmin.randomUsername();
        userId = admin.createUser(username, PASSWORD);
    }

    @AfterEach
    void removeUser() throws Exception {
        admin.setPortalClientAttribute("access.token.lifespan", null);
        admin.deleteUser(userId);
    }

    @Test
    void signedOutByKeycloakEndsThePortalSession() throws Exception {
        try (Visitor visitor = signedIn()) {
            long remembered = Db.count("select count(*) from logout_token_seen");
            admin.signOutEverywhere(userId);

            assertSignedOutWithin(visitor, Duration.ofSeconds(10));
            // Keycloak's own token (typed logout+jwt, with exp and jti) passed the checks and its jti is kept.
            assertEquals(remembered + 1, Db.count("select count(*) from logout_token_seen"));
        }
    }

    @Test
    void disabledUserLosesTheSessionWithinTheAccessTokenLifetime() throws Exception {
        admin.setPortalClientAttribute("access.token.lifespan", "15");
        try (Visitor visitor = signedIn()) {
            admin.setEnabled(userId, false);

            assertSignedOutWithin(visitor, Duration.ofSeconds(30));
        }
    }

    @Test
    void forgedLogoutTokenIsRefused() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        // alg "none": unsigned, must never be honoured.
        String unsigned = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwic2lkIjoieCJ9.";
        for (String token : new String[] {"garbage", unsigned}) {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(TestStack.portalUrl() + "/oidc/backchannel-logout"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("logout_token=" + token))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            assertEquals(400, response.statusCode());
        }
    }

    private Visitor signedIn() throws Exception {
        Visitor visitor = new Visitor();
        visitor.open("/me/");
        visitor.submitKeycloakLogin(username, PASSWORD);
        assertTrue(visitor.isSignedIn(), () -> "Not signed in, at " + visitor.url());
        return visitor;
    }

    /** Polls /me/ the way a person clicking around would, until the portal no longer knows them. */
    private static void assertSignedOutWithin(Visitor visitor, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            visitor.open("/me/");
            if (visitor.onKeycloakLoginForm()) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("Still signed in to the portal after " + limit.toSeconds() + " s, at " + visitor.url());
    }
}
