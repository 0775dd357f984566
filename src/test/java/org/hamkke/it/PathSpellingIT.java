package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hamkke.devstack.DemoLogin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every protected page and servlet asked for under every other spelling of its path, sent byte for
 * byte: as an outsider and as a signed-in applicant, none of them is served, and none answers
 * 5xx. The gate decides on the path the container dispatches and refuses any raw path that spells
 * it differently, so these are all 404s (or a sign-in / "not available" for a path that is merely
 * in other letter case; or the container's own redirect to a folder's address, which is asked
 * again and meets the gate there).
 */
class PathSpellingIT {

    /** Pages and servlets only staff, admins, reviewers or signed-in people may open. */
    private static final List<String> PROTECTED = List.of(
            "/staff/applications.xhtml?call=1", "/staff/board.xhtml?call=1", "/staff/application.xhtml?id=1", "/staff/call.xhtml",
            "/staff/calls.xhtml",
            "/staff/jobs.xhtml", "/staff/index.xhtml", "/admin/notifications.xhtml", "/admin/index.xhtml",
            "/reviewer/index.xhtml", "/reviewer/review.xhtml?application=1", "/mentor/index.xhtml", "/venture/index.xhtml",
            "/me/index.xhtml", "/me/apply.xhtml?call=1", "/me/notices.xhtml", "/files/attachment?id=1", "/me/notices/open?id=1",
            "/me/learning.xhtml", "/me/enrol.xhtml?cohort=1", "/staff/courses.xhtml", "/staff/course.xhtml", "/staff/cohorts.xhtml",
            "/staff/cohort.xhtml?id=1", "/staff/roster.xhtml?cohort=1", "/staff/calendar.xhtml", "/staff/certificates.xhtml?cohort=1", "/me/certificates/pdf?id=1",
            "/me/certificates/credential?id=1", "/me/check-in.xhtml?code=ABC234", "/teach/index.xhtml", "/teach/session.xhtml?id=1",
            "/teach/cohort.xhtml?id=1", "/mentor/profile.xhtml", "/staff/ventures.xhtml", "/staff/venture.xhtml?id=1",
            "/staff/matching.xhtml?call=1", "/staff/venture/offer", "/staff/matching/send", "/venture/milestones.xhtml",
            "/mentor/grade.xhtml?milestone=1", "/mentor/queue.xhtml", "/staff/plan.xhtml?venture=1",
            // a person's calendar feed (its address is its credential; a made-up one is refused however it is spelt) and a cohort's
            "/feeds/me/" + "A".repeat(43) + ".ics", "/feeds/cohort/1.ics");

    private static String applicantCookie;
    private static String staffCookie;

    @BeforeAll
    static void signIn() throws Exception {
        applicantCookie = Sessions.signedIn(DemoLogin.APPLICANT);
        staffCookie = Sessions.signedIn(DemoLogin.ADMIN);
    }

    /** The same path as the container would resolve it, spelt as a hand-made request can. */
    static Set<String> spellings(String target) {
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        String rest = query < 0 ? "" : target.substring(query);
        String area = path.substring(1, path.indexOf('/', 1));
        String tail = path.substring(path.indexOf('/', 1));
        Set<String> spelt = new LinkedHashSet<>();
        spelt.add("/" + path + rest);                                                        // //staff/...
        spelt.add("//" + path.substring(1) + rest);
        spelt.add("/%" + Integer.toHexString(area.charAt(0)) + area.substring(1) + tail + rest); // /%73taff/...
        spelt.add("/%" + Integer.toHexString(area.charAt(0)).toUpperCase() + area.substring(1) + tail + rest);
        spelt.add("/./" + path.substring(1) + rest);                                          // /./staff/...
        spelt.add("/" + area + "/." + tail + rest);
        spelt.add("/x/../" + path.substring(1) + rest);                                       // /x/../staff/...
        spelt.add("/" + area + "%2f" + tail.substring(1) + rest);                            // /staff%2f...
        spelt.add("/" + area + "%2F" + tail.substring(1) + rest);
        spelt.add("/" + area + ";a=b" + tail + rest);                                         // path parameters
        spelt.add(path + ";jsessionid=x" + rest);
        spelt.add("/" + area + "//" + tail.substring(1) + rest);
        spelt.add(path + "%20" + rest);                                                       // trailing characters
        spelt.add(path + "%00" + rest);
        spelt.add(path + "." + rest);
        spelt.add(path + "/" + rest);
        spelt.add(path + "%2e" + rest);
        spelt.add("/" + area.toUpperCase() + tail + rest);                                    // letter case
        spelt.add("/" + Character.toUpperCase(area.charAt(0)) + area.substring(1) + tail + rest);
        spelt.add("/" + area + "/%2e%2e/" + area + tail + rest);
        spelt.add("/" + area + "\\" + tail.substring(1) + rest);
        return spelt;
    }

    /**
     * A spelling may never open more than the proper path does for the same caller: where the proper
     * path is refused, every spelling is refused too (and none is a 5xx).
     */
    @Test
    void noSpellingOpensMoreThanTheProperPath() throws Exception {
        List<String> wrong = new ArrayList<>();
        int asked = 0;
        for (String target : PROTECTED) {
            for (String cookie : new String[] {null, applicantCookie}) {
                boolean properlyServed = served(RawHttp.get(target, cookie));
                for (String spelling : spellings(target)) {
                    RawHttp.Response response = RawHttp.get(spelling, cookie);
                    asked++;
                    boolean refused = response.status() == 400 || response.status() == 403 || response.status() == 404
                            || response.redirectsToSignIn() || response.redirectsWithinThePortal();
                    if (response.status() >= 500 || served(response) && !properlyServed || !served(response) && !refused) {
                        wrong.add((cookie == null ? "anonymous " : "applicant ") + spelling + " -> " + response);
                    }
                }
            }
        }
        System.out.println("Path spellings asked: " + asked);
        assertEquals(List.of(), wrong, "Spellings that opened more than the proper path, or were not refused properly");
    }

    private static boolean served(RawHttp.Response response) {
        return response.status() == 200 && !response.body().contains("id=\"error\"");
    }

    @Test
    void aSpellingRefusedWithNotFoundShowsTheFriendlyPage() throws Exception {
        RawHttp.Response response = RawHttp.get("//staff/applications.xhtml?call=1", staffCookie);
        assertEquals(404, response.status());
        assertTrue(response.body().contains("data-error=\"error.notFound\""), response::toString);
        assertFalse(response.body().contains("bulk"), "Nothing of the staff page");
    }

    /** The same checks can fail: spelt properly, staff get the page and an applicant does not. */
    @Test
    void theCanonicalPathStillWorks() throws Exception {
        RawHttp.Response staff = RawHttp.get("/staff/jobs.xhtml", staffCookie);
        assertEquals(200, staff.status(), staff::toString);
        assertFalse(staff.body().contains("id=\"error\""));
        RawHttp.Response applicant = RawHttp.get("/staff/jobs.xhtml", applicantCookie);
        assertEquals(403, applicant.status());
        assertTrue(applicant.body().contains("data-error=\"error.notAvailable\""));
        RawHttp.Response anonymous = RawHttp.get("/staff/jobs.xhtml", null);
        assertTrue(anonymous.redirectsToSignIn(), anonymous::toString);
    }

    @Test
    void otherMethodsAreRefused() throws Exception {
        for (String method : List.of("PUT", "DELETE", "PATCH", "TRACE", "OPTIONS")) {
            RawHttp.Response response = RawHttp.send(method, "/staff/jobs.xhtml", staffCookie, null, null);
            assertTrue(response.status() == 405 || response.status() == 403, method + " -> " + response);
        }
    }
}
