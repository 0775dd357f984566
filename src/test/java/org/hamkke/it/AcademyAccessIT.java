package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hamkke.devstack.DemoLogin;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each demo role against each academy page and action: the public catalog and cohort pages for
 * anyone (and no session for anonymous readers), enrolling and "My learning" for anyone signed in,
 * staff's courses, cohorts and rosters for staff and admins only. Objects too: an invited-only
 * cohort answers 404 to those not invited, like a missing one; nobody sees another person's
 * enrolment on their pages.
 */
class AcademyAccessIT {

    private static long course;
    private static long open;
    private static long invited;
    private static long someoneElse;

    @BeforeAll
    static void cohorts() throws Exception {
        String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
        course = AcademyData.course("Access course " + tag);
        open = AcademyData.cohort(course, 5);
        invited = AcademyData.cohort(course, 5, Map.of("visibility", "INVITED"));
        someoneElse = IntakeData.person("Someone Else " + tag, "someone+" + tag + "@it.example", "");
        IntakeData.execute("insert into enrolment (cohort_id, person_id, status, requested_at, ended_at, ended_reason, ended_note) "
                + "values (?, ?, 'CANCELLED', now(), now(), 'STAFF', 'A private reason " + tag + "')", open, someoneElse);
        AcademyData.enrol(open, someoneElse, "CONFIRMED");
    }

    private static Map<String, Integer> expected(DemoLogin role) {
        boolean staff = role == DemoLogin.STAFF || role == DemoLogin.ADMIN;
        Map<String, Integer> pages = new LinkedHashMap<>();
        pages.put("/academy/catalog.xhtml", 200);
        pages.put("/academy/cohort.xhtml?id=" + open, 200);
        pages.put("/academy/cohort.xhtml?id=" + invited, 404);
        pages.put("/academy/cohort.xhtml?id=999999999", 404);
        pages.put("/me/learning.xhtml", 200);
        pages.put("/me/enrol.xhtml?cohort=" + open, 200);
        pages.put("/me/enrol.xhtml?cohort=" + invited, 404);
        pages.put("/me/enrol.xhtml?cohort=abc", 404);
        pages.put("/staff/courses.xhtml", staff ? 200 : 403);
        pages.put("/staff/course.xhtml", staff ? 200 : 403);
        pages.put("/staff/course.xhtml?id=" + course, staff ? 200 : 403);
        pages.put("/staff/cohorts.xhtml", staff ? 200 : 403);
        pages.put("/staff/cohort.xhtml?course=" + course, staff ? 200 : 403);
        pages.put("/staff/cohort.xhtml?id=" + invited, staff ? 200 : 403);
        pages.put("/staff/roster.xhtml?cohort=" + open, staff ? 200 : 403);
        pages.put("/staff/roster.xhtml?cohort=999999999", staff ? 404 : 403);
        pages.put("/staff/calendar.xhtml", staff ? 200 : 403);
        pages.put("/staff/calendar.xhtml?course=" + course + "&date=2027-05-01&zone=Asia/Jakarta", staff ? 200 : 403);
        return pages;
    }

    @Test
    void everyRoleAgainstEveryAcademyPage() throws Exception {
        for (DemoLogin role : DemoLogin.values()) {
            try (Visitor visitor = new Visitor()) {
                visitor.signIn(role);
                for (var page : expected(role).entrySet()) {
                    HtmlPage html = visitor.open(page.getKey());
                    assertEquals(page.getValue(), visitor.status(), role + " on " + page.getKey());
                    if (!page.getKey().startsWith("/staff/")) {
                        // Only staff's roster names people.
                        assertFalse(html.asNormalizedText().contains("Someone Else"), role + " sees another's enrolment on " + page.getKey());
                    }
                }
                // The person's own standing only: not another's enrolment, nor its reason.
                HtmlPage enrol = visitor.open("/me/enrol.xhtml?cohort=" + open);
                assertEquals("NONE", enrol.getElementById("standing").getAttribute("data-status"), role.toString());
                assertFalse(enrol.asNormalizedText().contains("A private reason"));
                assertNull(visitor.open("/me/learning.xhtml").getFirstByXPath("//li[@data-cohort='" + open + "']"), role.toString());
            }
        }
    }

    /** Actions are posts to the same addresses: a forged post from a role without the page is refused before any code runs. */
    @Test
    void everyRoleAgainstEveryStaffAction() throws Exception {
        for (DemoLogin role : DemoLogin.values()) {
            if (role == DemoLogin.STAFF || role == DemoLogin.ADMIN) {
                continue;
            }
            try (Visitor visitor = new Visitor()) {
                visitor.signIn(role);
                for (String action : List.of("/staff/course.xhtml", "/staff/cohort.xhtml?id=" + open, "/staff/roster.xhtml?cohort=" + open,
                        "/staff/roster.xhtml?cohort=" + open + "&cancel=1", "/staff/courses.xhtml", "/staff/cohorts.xhtml",
                        "/staff/calendar.xhtml")) {
                    var request = new org.htmlunit.WebRequest(new java.net.URI(TestStack.portalUrl() + action).toURL(), org.htmlunit.HttpMethod.POST);
                    request.setRequestParameters(List.of(new org.htmlunit.util.NameValuePair("jakarta.faces.ViewState", "forged")));
                    request.setAdditionalHeader("Origin", TestStack.portalUrl());
                    assertEquals(403, visitor.browser().getPage(request).getWebResponse().getStatusCode(), role + " posting to " + action);
                }
            }
        }
        assertEquals("CONFIRMED", Db.text("select status from enrolment where cohort_id = ? and person_id = ? and status <> 'CANCELLED'",
                open, someoneElse), "Nothing changed");
    }

    @Test
    void anonymousReadersGetThePublicPagesWithoutASessionAndSignInForTheRest() throws Exception {
        for (String page : List.of("/academy/catalog.xhtml", "/academy/catalog.xhtml?taught=fr&level=BEGINNER&seats=1&page=2",
                "/academy/cohort.xhtml?id=" + open)) {
            RawHttp.Response response = RawHttp.get(page, null);
            assertEquals(200, response.status(), page);
            String cookies = response.header("set-cookie");
            assertTrue(cookies == null || !cookies.contains(Sessions.COOKIE), () -> page + " started a session: " + cookies);
        }
        assertEquals(404, RawHttp.get("/academy/cohort.xhtml?id=" + invited, null).status());
        for (String page : List.of("/me/learning.xhtml", "/me/enrol.xhtml?cohort=" + open, "/staff/courses.xhtml", "/staff/course.xhtml",
                "/staff/cohorts.xhtml", "/staff/cohort.xhtml?id=" + open, "/staff/roster.xhtml?cohort=" + open, "/staff/calendar.xhtml")) {
            try (Visitor visitor = new Visitor()) {
                visitor.open(page);
                assertTrue(visitor.onKeycloakLoginForm(), () -> page + " should ask to sign in, at " + visitor.url());
            }
        }
    }
}
