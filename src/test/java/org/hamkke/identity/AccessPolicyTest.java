package org.hamkke.identity;

import static org.hamkke.identity.AccessPolicy.Decision.ALLOW;
import static org.hamkke.identity.AccessPolicy.Decision.DENY;
import static org.hamkke.identity.AccessPolicy.Decision.SIGN_IN;
import static org.junit.jupiter.api.Assertions.assertEquals;


import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccessPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.xhtml", "/jakarta.faces.resource/x.css.xhtml", "/signin", "/callback", "/language",
        "/health", "/health/ready", "/health/live",
        "/oidc/backchannel-logout", "/academy/catalog.xhtml", "/academy/cohort.xhtml", "/verify.xhtml", "/credentials/issuer",
        "/credentials/jwks.json", "/credentials/status/1",
        "/feeds/cohort/12.ics",
        "/feeds/me/aBcD_-0123456789aBcD_-0123456789aBcD_-01234.ics", "/feeds/me/anything"})
    void theShortListOfPublicPathsIsOpenToEveryone(String path) {
        assertEquals(ALLOW, AccessPolicy.decide(path, false, role -> false));
    }

    /** Deny by default: whatever is not on the public list needs a signed-in person. */
    @ParameterizedTest
    @ValueSource(strings = {"/me/", "/me", "/staff/", "/staff", "/staff/index.xhtml", "/admin/x.xhtml", "/venture/",
        "/staffing.xhtml", "/no-such-page.xhtml", "/resources/hamkke/css/hamkke.css", "/INDEX.xhtml", "/index.xhtml/",
        "/signin/keycloak", "/files/attachment", "/WEB-INF/web.xml", "", "/academy/", "/academy/roster.xhtml", "/ACADEMY/catalog.xhtml",
        "/academy/catalog.xhtml/", "/me/enrol.xhtml", "/me/learning.xhtml", "/staff/roster.xhtml", "/verify.xhtml/", "/VERIFY.xhtml",
        "/credentials", "/CREDENTIALS/jwks.json", "/me/certificates/pdf", "/me/certificates/credential", "/staff/certificates.xhtml",
        "/me/check-in.xhtml",
        "/teach/", "/teach/session.xhtml", "/teach/cohort.xhtml",
        "/feeds/", "/feeds",
        "/feeds/other/1.ics", "/FEEDS/cohort/1.ics", "/feeds/me"})
    void everythingElseAsksAnonymousVisitorsToSignIn(String path) {
        assertEquals(SIGN_IN, AccessPolicy.decide(path, false, role -> false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/STAFF/applications.xhtml", "/Staff/", "/sTaFf/jobs.xhtml", "/ADMIN/index.xhtml"})
    void areasMatchInAnyLetterCase(String path) {
        assertEquals(DENY, AccessPolicy.decide(path, true, Set.of(Role.APPLICANT)::contains));
    }

    @Test
    void adminIsNotStaffButOpensStaffPages() {
        Set<Role> admin = Set.of(Role.ADMIN);
        assertEquals(ALLOW, AccessPolicy.decide("/staff/", true, admin::contains));
        assertEquals(ALLOW, AccessPolicy.decide("/admin/", true, admin::contains));
        assertEquals(DENY, AccessPolicy.decide("/mentor/", true, admin::contains));
    }

    @Test
    void staffMayNotOpenAdministration() {
        Set<Role> staff = Set.of(Role.STAFF);
        assertEquals(ALLOW, AccessPolicy.decide("/staff/index.xhtml", true, staff::contains));
        assertEquals(DENY, AccessPolicy.decide("/admin/index.xhtml", true, staff::contains));
        assertEquals(DENY, AccessPolicy.decide("/admin", true, staff::contains));
    }

    @Test
    void everyRoleOpensItsOwnPage() {
        for (Role role : Role.values()) {
            assertEquals(ALLOW, AccessPolicy.decide("/me/", true, Set.of(role)::contains));
            assertEquals(ALLOW, AccessPolicy.decide("/no-such-page.xhtml", true, Set.of(role)::contains), "then 404");
            // Instructors are people named on a cohort, whatever their role: the academy's queries decide, 404 otherwise.
            assertEquals(ALLOW, AccessPolicy.decide("/teach/session.xhtml", true, Set.of(role)::contains));
        }
        assertEquals(ALLOW, AccessPolicy.decide("/venture/", true, Set.of(Role.ENTREPRENEUR)::contains));
        assertEquals(DENY, AccessPolicy.decide("/venture/", true, Set.of(Role.APPLICANT)::contains));
        assertEquals(DENY, AccessPolicy.decide("/reviewer/", true, Set.of(Role.MENTOR)::contains));
    }
}
