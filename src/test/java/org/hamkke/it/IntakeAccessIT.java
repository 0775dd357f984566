package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hamkke.devstack.DemoLogin;
import org.junit.jupiter.api.Test;

/**
 * Each demo role against each intake page: the expected answer, allowed or refused. Objects are
 * checked too: a reviewer opening an application not assigned to them gets 404 like a missing one.
 */
class IntakeAccessIT {

    private static final String STAFF_PIPELINE = "/staff/applications.xhtml";
    private static final String APPLY = "/me/apply.xhtml?call=1";
    private static final String MINE = "/me/applications.xhtml";
    private static final String REVIEWS = "/reviewer/";
    private static final String REVIEW = "/reviewer/review.xhtml?application=999999";

    /** Page to expected status per role; 403 "not available", 404 "not yours or not there". */
    private static final Map<DemoLogin, Map<String, Integer>> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put(DemoLogin.APPLICANT, Map.of(STAFF_PIPELINE, 403, APPLY, 200, MINE, 200, REVIEWS, 403, REVIEW, 403));
        EXPECTED.put(DemoLogin.ENTREPRENEUR, Map.of(STAFF_PIPELINE, 403, APPLY, 200, MINE, 200, REVIEWS, 403, REVIEW, 403));
        EXPECTED.put(DemoLogin.MENTOR, Map.of(STAFF_PIPELINE, 403, APPLY, 200, MINE, 200, REVIEWS, 403, REVIEW, 403));
        EXPECTED.put(DemoLogin.REVIEWER, Map.of(STAFF_PIPELINE, 403, APPLY, 200, MINE, 200, REVIEWS, 200, REVIEW, 404));
        EXPECTED.put(DemoLogin.STAFF, Map.of(STAFF_PIPELINE, 200, APPLY, 200, MINE, 200, REVIEWS, 403, REVIEW, 403));
        EXPECTED.put(DemoLogin.ADMIN, Map.of(STAFF_PIPELINE, 200, APPLY, 200, MINE, 200, REVIEWS, 403, REVIEW, 403));
    }

    @Test
    void everyRoleAgainstEveryIntakePage() throws Exception {
        for (var role : EXPECTED.entrySet()) {
            try (Visitor visitor = new Visitor()) {
                visitor.signIn(role.getKey());
                for (var page : role.getValue().entrySet()) {
                    visitor.open(page.getKey());
                    assertEquals(page.getValue(), visitor.status(), role.getKey() + " on " + page.getKey());
                }
            }
        }
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() throws Exception {
        for (String page : List.of(STAFF_PIPELINE, APPLY, MINE, REVIEWS, REVIEW)) {
            try (Visitor visitor = new Visitor()) {
                visitor.open(page);
                assertTrue(visitor.onKeycloakLoginForm(), () -> page + " should ask to sign in, at " + visitor.url());
            }
        }
    }
}
