package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.hamkke.devstack.DemoLogin;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Anonymous visitors are sent to sign in; a role that may not open an area gets "not available". */
class AccessIT {

    @Test
    void anonymousVisitorIsSentToSignInAndBroughtBackToThePageAsked() throws Exception {
        try (Visitor visitor = new Visitor()) {
            visitor.open("/staff/");
            assertTrue(visitor.onKeycloakLoginForm(), () -> "Expected Keycloak's login form, at " + visitor.url());

            HtmlPage staffPage = visitor.submitKeycloakLogin(
                    DemoLogin.STAFF.username(), DemoLogin.STAFF.password());

            assertEquals(TestStack.portalUrl() + "/staff/", visitor.url().toString());
            assertEquals(200, visitor.status());
            assertTrue(staffPage.getElementById("area-title") != null);
        }
    }

    /** role, path, expected status: every area against every role. */
    @ParameterizedTest(name = "{0} opens {1}: {2}")
    @CsvSource({
        "APPLICANT, /me/, 200", "APPLICANT, /venture/, 403", "APPLICANT, /mentor/, 403",
        "APPLICANT, /reviewer/, 403", "APPLICANT, /staff/, 403", "APPLICANT, /admin/, 403",
        "ENTREPRENEUR, /venture/, 200", "ENTREPRENEUR, /mentor/, 403", "ENTREPRENEUR, /staff/, 403",
        "MENTOR, /mentor/, 200", "MENTOR, /venture/, 403", "MENTOR, /reviewer/, 403", "MENTOR, /staff/, 403",
        "REVIEWER, /reviewer/, 200", "REVIEWER, /mentor/, 403", "REVIEWER, /staff/, 403",
        "STAFF, /staff/, 200", "STAFF, /admin/, 403", "STAFF, /venture/, 403",
        "ADMIN, /admin/, 200", "ADMIN, /staff/, 200", "ADMIN, /staff/index.xhtml, 200"
    })
    void eachRoleOpensOnlyItsAreas(DemoLogin login, String path, int expected) throws Exception {
        try (Visitor visitor = new Visitor()) {
            visitor.open("/");
            visitor.signIn(login);
            HtmlPage page = visitor.open(path);
            assertEquals(expected, visitor.status());
            if (expected == 403) {
                assertEquals("error.notAvailable", page.getElementById("error").getAttribute("data-error"));
                assertTrue(visitor.isSignedIn(), "The not-available page keeps the person signed in");
            }
        }
    }

    /** Deny by default: an address the portal does not know is for signed-in people, then "not found". */
    @Test
    void unknownAddressAsksToSignInThenGetsAFriendlyNotFoundPage() throws Exception {
        try (Visitor visitor = new Visitor()) {
            visitor.open("/no-such-page.xhtml");
            assertTrue(visitor.onKeycloakLoginForm(), () -> "Expected Keycloak's login form, at " + visitor.url());
            visitor.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());

            assertEquals(404, visitor.status());
            HtmlPage page = visitor.html();
            assertEquals("error.notFound", page.getElementById("error").getAttribute("data-error"));
            assertTrue(page.asNormalizedText().contains("Page not found"), "In the person's profile language");

            visitor.open("/no/such/folder");
            assertEquals(404, visitor.status());
        }
    }

    @Test
    void returnAddressCannotLeadOffSite() throws Exception {
        try (Visitor visitor = new Visitor()) {
            visitor.open("/signin?return=//evil.example/");
            visitor.submitKeycloakLogin(DemoLogin.APPLICANT.username(), DemoLogin.APPLICANT.password());
            assertEquals(TestStack.portalUrl() + "/", visitor.url().toString());
        }
    }
}
