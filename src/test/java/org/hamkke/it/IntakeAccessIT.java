package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hamkke.devstack.DemoLogin;
import org.junit.jupiter.api.Test;

/**
 * Each demo role against each intake page and action: the expected answer, allowed or refused.
 * Objects are checked too: a reviewer opening an application not assigned to them, or anyone asking
 * for a file that is not theirs, gets 404 like a missing one.
 */
class IntakeAccessIT {

    private static final String STAFF_PIPELINE = "/staff/applications.xhtml";
    private static final String STAFF_BOARD = "/staff/board.xhtml?call=";
    private static final String APPLY = "/me/apply.xhtml?call=1";  // for anonymous visitors only: they never reach the call
    private static final String MINE = "/me/applications.xhtml";
    private static final String REVIEWS = "/reviewer/";
    private static final String REVIEW = "/reviewer/review.xhtml?application=999999";

    private static final String CALLS = "/staff/calls.xhtml";
    private static final String CALL_EDITOR = "/staff/call.xhtml";
    private static final String NO_SUCH_FILE = "/files/attachment?id=999999";

    /** Page to expected status per role; 403 "not available", 404 "not yours or not there". */
    private static Map<DemoLogin, Map<String, Integer>> expected(String application) {
        Map<DemoLogin, Map<String, Integer>> expected = new LinkedHashMap<>();
        for (DemoLogin role : DemoLogin.values()) {
            boolean staff = role == DemoLogin.STAFF || role == DemoLogin.ADMIN;
            boolean reviewer = role == DemoLogin.REVIEWER;
            Map<String, Integer> pages = new LinkedHashMap<>();
            pages.put(STAFF_PIPELINE, staff ? 200 : 403);
            pages.put(STAFF_PIPELINE + "?call=" + accessCall() + "&sort=SCORE&dir=asc&stage=SUBMITTED", staff ? 200 : 403);
            pages.put(STAFF_BOARD + accessCall(), staff ? 200 : 403);
            pages.put(CALLS, staff ? 200 : 403);
            pages.put(CALL_EDITOR, staff ? 200 : 403);
            pages.put(application, staff ? 200 : 403);
            // An applicant's form of a call that exists (an unknown call number is a 404, see IntakeInputIT).
            pages.put("/me/apply.xhtml?call=" + accessCall(), 200);
            pages.put(MINE, 200);
            pages.put(REVIEWS, reviewer ? 200 : 403);
            pages.put(REVIEW, reviewer ? 404 : 403);
            pages.put(NO_SUCH_FILE, 404);
            expected.put(role, pages);
        }
        return expected;
    }

    private static long accessCall() {
        try {
            return Db.count("select call_id from application where receipt = 'ACCESS-IT'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A submitted application of its own (the test stack has no demo data), created once. */
    private static String demoApplication() throws Exception {
        if (Db.count("select count(*) from application where receipt = 'ACCESS-IT'") == 0) {
            try (var db = Db.connect(); var s = db.createStatement()) {
                s.execute("""
                        with c as (insert into programme_call (title, summary, opens_at, closes_at, time_zone)
                                   values ('{"en": "Access call"}', '{"en": "x"}', now() - interval '1 day', now() + interval '9 days', 'UTC')
                                   returning id),
                             p as (insert into person (subject, username, display_name, created_at)
                                   values ('it:access', 'it-access', 'Access Applicant', now()) returning id)
                        insert into application (call_id, applicant_id, name, stage, created_at, updated_at, submitted_at, receipt)
                        select c.id, p.id, 'Access Cooperative', 'SUBMITTED', now(), now(), now(), 'ACCESS-IT' from c, p""");
            }
        }
        return "/staff/application.xhtml?id=" + Db.count("select id from application where receipt = 'ACCESS-IT'");
    }

    @Test
    void everyRoleAgainstEveryIntakePage() throws Exception {
        for (var role : expected(demoApplication()).entrySet()) {
            try (Visitor visitor = new Visitor()) {
                visitor.signIn(role.getKey());
                for (var page : role.getValue().entrySet()) {
                    visitor.open(page.getKey());
                    assertEquals(page.getValue(), visitor.status(), role.getKey() + " on " + page.getKey());
                }
            }
        }
    }

    /** Actions are posts to the same addresses: a forged post from a role without the page is refused before any code runs. */
    @Test
    void everyRoleAgainstEveryIntakeAction() throws Exception {
        for (DemoLogin role : DemoLogin.values()) {
            boolean staff = role == DemoLogin.STAFF || role == DemoLogin.ADMIN;
            try (Visitor visitor = new Visitor()) {
                visitor.signIn(role);
                for (String action : List.of(STAFF_PIPELINE + "?call=1", CALL_EDITOR, demoApplication())) {
                    int status = post(visitor, action);
                    if (!staff) {
                        assertEquals(403, status, role + " posting to " + action);
                    }
                }
                if (role != DemoLogin.REVIEWER) {
                    assertEquals(403, post(visitor, REVIEW), role + " posting a review");
                }
            }
        }
    }

    private static int post(Visitor visitor, String path) throws Exception {
        var request = new org.htmlunit.WebRequest(new java.net.URI(TestStack.portalUrl() + path).toURL(), org.htmlunit.HttpMethod.POST);
        request.setRequestParameters(List.of(new org.htmlunit.util.NameValuePair("jakarta.faces.ViewState", "forged")));
        return visitor.browser().getPage(request).getWebResponse().getStatusCode();
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() throws Exception {
        for (String page : List.of(STAFF_PIPELINE, STAFF_BOARD + "1", CALLS, CALL_EDITOR, APPLY, MINE, REVIEWS, REVIEW, NO_SUCH_FILE)) {
            try (Visitor visitor = new Visitor()) {
                visitor.open(page);
                assertTrue(visitor.onKeycloakLoginForm(), () -> page + " should ask to sign in, at " + visitor.url());
            }
        }
    }
}
