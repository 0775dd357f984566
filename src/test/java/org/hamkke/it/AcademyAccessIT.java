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
 * enrolment on their pages. Certificates: the verification page and the credentials' endpoints for
 * anyone, without a session; another person's certificate downloads answer 404 to everyone;
 * staff's certificates page and its revocation for staff and admins only. Teaching: {@code /teach/}
 * is open to anyone signed in, but a cohort or session answers only to its instructors (the demo
 * mentor teaches the invited cohort), 404 to everyone else, staff included; checking in is for
 * anyone signed in, and a GET of it changes nothing. The calendar feeds: a public cohort's for
 * anyone, an invited-only cohort's for nobody, a person's only at its secret address, all without
 * a session.
 */
class AcademyAccessIT {

    private static long course;
    private static long open;
    private static long invited;
    private static long someoneElse;
    private static long finished;
    private static long certificate;
    private static String code;
    private static long openSession;
    private static long taughtSession;
    private static String someoneElsesFeed;

    private static int status(Visitor visitor, String path) throws Exception {
        return visitor.openRaw(TestStack.portalUrl() + path).getWebResponse().getStatusCode();
    }

    @BeforeAll
    static void cohorts() throws Exception {
        String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
        course = AcademyData.course("Access course " + tag);
        open = AcademyData.cohort(course, 5);
        invited = AcademyData.cohort(course, 5, Map.of("visibility", "INVITED"));
        someoneElse = IntakeData.person("Someone Else " + tag, "someone+" + tag + "@it.example", "");
        someoneElsesFeed = ("feed" + tag + "x".repeat(43)).substring(0, 43);
        IntakeData.execute("insert into calendar_feed (person_id, token_hash, language, created_at) values (?, sha256(convert_to(?, 'UTF8')), 'en', now())",
                someoneElse, someoneElsesFeed);
        IntakeData.execute("insert into enrolment (cohort_id, person_id, status, requested_at, ended_at, ended_reason, ended_note) "
                + "values (?, ?, 'CANCELLED', now(), now(), 'STAFF', 'A private reason " + tag + "')", open, someoneElse);
        AcademyData.enrol(open, someoneElse, "CONFIRMED");
        // Someone else's certificate, of a cohort they completed, issued by the sweep.
        finished = AcademyData.cohort(course, 5);
        long completed = AcademyData.completed(finished, someoneElse);
        AcademyData.runJob("certificate-sweep", "access-certificates-" + tag);
        certificate = Db.count("select id from certificate where enrolment_id = ?", completed);
        code = Db.text("select code from certificate where id = ?", certificate);
        openSession = AttendanceIT.session(open, "Open session " + tag, java.time.Duration.ofMinutes(-5), java.time.Duration.ofHours(1));
        taughtSession = AttendanceIT.session(invited, "Taught session " + tag, java.time.Duration.ofMinutes(-5), java.time.Duration.ofHours(1));
        Sessions.signedIn(DemoLogin.MENTOR);
        AttendanceIT.teaches(invited, AcademyData.personId(DemoLogin.MENTOR.username()));
        AcademyData.enrol(invited, someoneElse, "CONFIRMED");
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
        pages.put("/verify.xhtml", 200);
        pages.put("/verify.xhtml?code=" + code, 200);
        pages.put("/verify.xhtml?code=HK-0000-0000-0000-0000", 404);
        pages.put("/verify.xhtml?code=abc", 404);
        pages.put("/me/certificates/pdf?id=" + certificate, 404);
        pages.put("/me/certificates/credential?id=" + certificate, 404);
        pages.put("/me/certificates/pdf?id=abc", 404);
        pages.put("/me/certificates/credential?id=999999999", 404);
        pages.put("/staff/certificates.xhtml?cohort=" + finished, staff ? 200 : 403);
        pages.put("/staff/certificates.xhtml?cohort=" + finished + "&revoke=" + certificate, staff ? 200 : 403);
        pages.put("/staff/certificates.xhtml?cohort=999999999", staff ? 404 : 403);
        pages.put("/staff/certificates.xhtml", staff ? 404 : 403);
        boolean teaches = role == DemoLogin.MENTOR;
        pages.put("/teach/", 200);
        pages.put("/teach/index.xhtml", 200);
        pages.put("/teach/cohort.xhtml?id=" + invited, teaches ? 200 : 404);
        pages.put("/teach/session.xhtml?id=" + taughtSession, teaches ? 200 : 404);
        pages.put("/teach/cohort.xhtml?id=" + open, 404);
        pages.put("/teach/session.xhtml?id=" + openSession, 404);
        pages.put("/teach/session.xhtml?id=abc", 404);
        pages.put("/teach/session.xhtml?id=999999999", 404);
        pages.put("/teach/cohort.xhtml", 404);
        pages.put("/me/check-in.xhtml", 200);
        pages.put("/me/check-in.xhtml?code=ABC234", 200);
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
                    if (!page.getKey().startsWith("/staff/") && !page.getKey().startsWith("/teach/")
                            && !page.getKey().startsWith("/verify.xhtml?code=" + code)) {
                        // Only staff's roster and an instructor's roll name people (and a certificate's page its holder, to whoever has its code).
                        assertFalse(html.asNormalizedText().contains("Someone Else"), role + " sees another's enrolment on " + page.getKey());
                    }
                }
                // The person's own standing only: not another's enrolment, nor its reason.
                HtmlPage enrol = visitor.open("/me/enrol.xhtml?cohort=" + open);
                assertEquals("NONE", enrol.getElementById("standing").getAttribute("data-status"), role.toString());
                assertFalse(enrol.asNormalizedText().contains("A private reason"));
                assertNull(visitor.open("/me/learning.xhtml").getFirstByXPath("//li[@data-cohort='" + open + "']"), role.toString());
                assertNull(visitor.html().getFirstByXPath("//li[@data-certificate='" + certificate + "']"), role + " sees another's certificate");
                // An instructor's pages name only their own cohort's learners; anyone else's show nobody.
                HtmlPage teach = visitor.open("/teach/session.xhtml?id=" + openSession);
                assertFalse(teach.asNormalizedText().contains("Someone Else"), role + " sees a learner of a cohort they do not teach");
                assertEquals(role == DemoLogin.MENTOR, visitor.open("/teach/").getFirstByXPath("//li[@data-cohort='" + invited + "']") != null,
                        role + ": only the instructor's cohorts are listed");
                // The feeds: a public cohort's for all, an invited-only cohort's for none (staff included: a feed is public
                // or nothing), a made-up address for nobody; someone else's address is its own credential, whoever holds it.
                assertEquals(200, status(visitor, "/feeds/cohort/" + open + ".ics"), role.toString());
                assertEquals(404, status(visitor, "/feeds/cohort/" + invited + ".ics"), role.toString());
                assertEquals(404, status(visitor, "/feeds/me/" + "B".repeat(43) + ".ics"), role.toString());
                assertEquals(200, status(visitor, "/feeds/me/" + someoneElsesFeed + ".ics"), role.toString());
            }
        }
    }

    /**
     * The roll's, the assessment's and "complete now"'s posts reach only the instructor's own cohort.
     * The mentor, instructor of the invited cohort, takes a real form of their own session's and
     * cohort's pages and posts it to another cohort's session and cohort: 404 before any action runs
     * (the page finds nothing it may show). Everyone else, with no such form to take, gets nothing
     * either. Nothing is marked, nobody completed.
     */
    @Test
    void onlyTheInstructorPostsTheRoll() throws Exception {
        long before = Db.count("select count(*) from attendance where session_id in (?, ?)", openSession, taughtSession);
        try (Visitor mentor = new Visitor()) {
            mentor.signIn(DemoLogin.MENTOR);
            post(mentor, mentor.open("/teach/session.xhtml?id=" + taughtSession), "/teach/session.xhtml?id=" + openSession,
                    "roll", "roll:save", someoneElse + ":PRESENT:-1", 404);
            post(mentor, mentor.open("/teach/cohort.xhtml?id=" + invited), "/teach/cohort.xhtml?id=" + open,
                    "complete", "complete:completeNow", "x", 404);
        }
        for (DemoLogin role : DemoLogin.values()) {
            if (role == DemoLogin.MENTOR) {
                continue;
            }
            try (Visitor visitor = new Visitor()) {
                visitor.signIn(role);
                for (String action : List.of("/teach/session.xhtml?id=" + taughtSession, "/teach/cohort.xhtml?id=" + invited)) {
                    var request = new org.htmlunit.WebRequest(new java.net.URI(TestStack.portalUrl() + action).toURL(), org.htmlunit.HttpMethod.POST);
                    request.setRequestParameters(List.of(new org.htmlunit.util.NameValuePair("jakarta.faces.ViewState", "forged"),
                            new org.htmlunit.util.NameValuePair("roll:save", someoneElse + ":PRESENT:-1"),
                            new org.htmlunit.util.NameValuePair("complete:completeNow", "x")));
                    request.setAdditionalHeader("Origin", TestStack.portalUrl());
                    var response = visitor.browser().getPage(request).getWebResponse();
                    assertTrue(response.getStatusCode() >= 400, role + " posting to " + action + ": " + response.getStatusCode());
                    assertFalse(response.getContentAsString().contains("Someone Else"), role + " sees a learner");
                }
            }
        }
        assertEquals(before, Db.count("select count(*) from attendance where session_id in (?, ?)", openSession, taughtSession), "Nothing marked");
        assertEquals("CONFIRMED", Db.text("select status from enrolment where cohort_id = ? and person_id = ?", invited, someoneElse), "Nobody completed");
        assertEquals("CONFIRMED", Db.text("select status from enrolment where cohort_id = ? and person_id = ? and status <> 'CANCELLED'", open, someoneElse));
    }

    /** Posts a real form of one page (its view state and nonce) to another address, pressing {@code button} with {@code value}. */
    private static void post(Visitor visitor, HtmlPage page, String action, String form, String button, String value, int expected) throws Exception {
        String viewState = page.<org.htmlunit.html.HtmlInput>getFirstByXPath("//form[@id='" + form + "']//input[@name='jakarta.faces.ViewState']").getValue();
        String nonce = page.<org.htmlunit.html.HtmlInput>getFirstByXPath("//form[@id='" + form + "']//input[@name='primefaces.nonce']").getValue();
        var request = new org.htmlunit.WebRequest(new java.net.URI(TestStack.portalUrl() + action).toURL(), org.htmlunit.HttpMethod.POST);
        request.setRequestParameters(List.of(new org.htmlunit.util.NameValuePair("jakarta.faces.ViewState", viewState),
                new org.htmlunit.util.NameValuePair("primefaces.nonce", nonce), new org.htmlunit.util.NameValuePair(form, form),
                new org.htmlunit.util.NameValuePair(button, value)));
        request.setAdditionalHeader("Origin", TestStack.portalUrl());
        var response = visitor.browser().getPage(request).getWebResponse();
        assertEquals(expected, response.getStatusCode(), "Posting " + button + " to " + action);
        assertFalse(response.getContentAsString().contains("Someone Else"));
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
                        "/staff/certificates.xhtml?cohort=" + finished, "/staff/certificates.xhtml?cohort=" + finished + "&revoke=" + certificate,
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
        assertNull(Db.value("select revoked_at from certificate where id = ?", certificate), "Nothing revoked");
    }

    @Test
    void anonymousReadersGetThePublicPagesWithoutASessionAndSignInForTheRest() throws Exception {
        for (String page : List.of("/academy/catalog.xhtml", "/academy/catalog.xhtml?taught=fr&level=BEGINNER&seats=1&page=2",
                "/academy/cohort.xhtml?id=" + open, "/verify.xhtml", "/verify.xhtml?code=" + code, "/credentials/issuer",
                "/credentials/jwks.json", "/credentials/status/1")) {
            RawHttp.Response response = RawHttp.get(page, null);
            assertEquals(200, response.status(), page);
            String cookies = response.header("set-cookie");
            assertTrue(cookies == null || !cookies.contains(Sessions.COOKIE), () -> page + " started a session: " + cookies);
        }
        for (String feed : List.of("/feeds/cohort/" + open + ".ics", "/feeds/cohort/" + invited + ".ics", "/feeds/me/" + someoneElsesFeed + ".ics",
                "/feeds/me/" + "C".repeat(43) + ".ics")) {
            RawHttp.Response response = RawHttp.get(feed, null);
            String cookies = response.header("set-cookie");
            assertTrue(cookies == null || !cookies.contains(Sessions.COOKIE), () -> feed + " started a session: " + cookies);
        }
        assertEquals(404, RawHttp.get("/feeds/cohort/" + invited + ".ics", null).status());
        assertEquals(404, RawHttp.get("/academy/cohort.xhtml?id=" + invited, null).status());
        for (String missing : List.of("/verify.xhtml?code=HK-0000-0000-0000-0000", "/credentials/status/999", "/credentials/status/01",
                "/credentials/keys", "/credentials/")) {
            RawHttp.Response response = RawHttp.get(missing, null);
            assertEquals(404, response.status(), missing);
            String cookies = response.header("set-cookie");
            assertTrue(cookies == null || !cookies.contains(Sessions.COOKIE), () -> missing + " started a session: " + cookies);
        }
        // The credentials are read, never written to: a post is not a method they answer.
        assertEquals(405, RawHttp.send("POST", "/credentials/jwks.json", null, null, "x=1").status());
        for (String page : List.of("/me/learning.xhtml", "/me/enrol.xhtml?cohort=" + open, "/me/check-in.xhtml?code=ABC234", "/teach/",
                "/teach/session.xhtml?id=" + openSession, "/teach/cohort.xhtml?id=" + open, "/staff/courses.xhtml", "/staff/course.xhtml",
                "/staff/cohorts.xhtml", "/staff/cohort.xhtml?id=" + open, "/staff/roster.xhtml?cohort=" + open,
                "/me/certificates/pdf?id=" + certificate, "/me/certificates/credential?id=" + certificate,
                "/staff/certificates.xhtml?cohort=" + finished, "/staff/calendar.xhtml")) {
            try (Visitor visitor = new Visitor()) {
                visitor.open(page);
                assertTrue(visitor.onKeycloakLoginForm(), () -> page + " should ask to sign in, at " + visitor.url());
            }
        }
    }
}
