package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hamkke.devstack.DemoLogin;
import org.junit.jupiter.api.Test;

/**
 * Odd input in every page's parameters, as every role: unknown, negative, huge, non-numeric ids,
 * markup, SQL, control and bidirectional characters, invalid UTF-8, very long values. Whatever
 * comes, the answer is a page, a redirect, a 4xx: never a 5xx. Bounded: about 4,000 requests.
 *
 * <p>All of them are GETs, so the same run checks that a GET changes no stored state: the
 * portal's tables hold the same rows before and after (opening a notice may mark it read, which
 * is allowed, so the notices are compared without their read time).
 */
class ParameterFuzzIT {

    /** Each page or servlet with the parameters it reads. */
    private static final Map<String, List<String>> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put("/", List.of("signin", "lang"));
        PAGES.put("/me/index.xhtml", List.of("x"));
        PAGES.put("/me/apply.xhtml", List.of("call", "step"));
        PAGES.put("/me/applications.xhtml", List.of("withdraw"));
        PAGES.put("/me/notices.xhtml", List.of("page"));
        PAGES.put("/me/notice-settings.xhtml", List.of("x"));
        PAGES.put("/me/notices/open", List.of("id"));
        PAGES.put("/files/attachment", List.of("id"));
        PAGES.put("/reviewer/index.xhtml", List.of("x"));
        PAGES.put("/reviewer/review.xhtml", List.of("application"));
        PAGES.put("/staff/index.xhtml", List.of("x"));
        PAGES.put("/staff/applications.xhtml", List.of("call", "view"));
        // The table's order and filters, and the same in an application's address (its previous and next).
        PAGES.put("/staff/applications.xhtml?call=1", List.of("stage", "kind", "q", "disagreement", "sort", "dir"));
        PAGES.put("/staff/board.xhtml", List.of("call"));
        PAGES.put("/staff/application.xhtml", List.of("id", "reviewer"));
        PAGES.put("/staff/application.xhtml?id=1", List.of("stage", "kind", "q", "disagreement", "sort", "dir"));
        PAGES.put("/staff/calls.xhtml", List.of("page"));
        PAGES.put("/staff/call.xhtml", List.of("id"));
        PAGES.put("/staff/jobs.xhtml", List.of("job"));
        PAGES.put("/admin/index.xhtml", List.of("x"));
        PAGES.put("/admin/notifications.xhtml", List.of("page"));
        PAGES.put("/academy/catalog.xhtml", List.of("taught", "level", "from", "seats", "course", "page"));
        PAGES.put("/academy/cohort.xhtml", List.of("id"));
        PAGES.put("/me/learning.xhtml", List.of("x", "feed"));
        // The calendar feeds read no parameter: whatever is added, a feed or a 404, never a 5xx.
        PAGES.put("/feeds/cohort/1.ics", List.of("x", "lang"));
        PAGES.put("/feeds/me/" + "A".repeat(43) + ".ics", List.of("x"));
        PAGES.put("/me/enrol.xhtml", List.of("cohort", "leave"));
        PAGES.put("/staff/courses.xhtml", List.of("page"));
        PAGES.put("/staff/course.xhtml", List.of("id"));
        PAGES.put("/staff/cohorts.xhtml", List.of("course", "page"));
        PAGES.put("/staff/cohort.xhtml", List.of("id", "course"));
        PAGES.put("/staff/roster.xhtml", List.of("cohort", "cancel", "find"));
        PAGES.put("/staff/certificates.xhtml", List.of("cohort", "revoke"));
        PAGES.put("/verify.xhtml", List.of("code", "credential"));
        PAGES.put("/me/certificates/pdf", List.of("id"));
        PAGES.put("/me/certificates/credential", List.of("id"));
        PAGES.put("/credentials/status/1", List.of("x"));
        PAGES.put("/me/check-in.xhtml", List.of("code"));
        PAGES.put("/teach/index.xhtml", List.of("x"));
        PAGES.put("/teach/cohort.xhtml", List.of("id"));
        PAGES.put("/teach/session.xhtml", List.of("id"));
        PAGES.put("/staff/calendar.xhtml", List.of("course", "venue", "instructor", "date", "zone"));
        PAGES.put("/mentor/index.xhtml", List.of("x", "decline", "fit"));
        PAGES.put("/mentor/profile.xhtml", List.of("x"));
        PAGES.put("/staff/ventures.xhtml", List.of("call", "region", "mentor", "page"));
        PAGES.put("/staff/venture.xhtml", List.of("id", "close"));
        PAGES.put("/staff/matching.xhtml", List.of("call", "propose"));
        PAGES.put("/venture/index.xhtml", List.of("x", "fit"));
        PAGES.put("/venture/milestones.xhtml", List.of("venture", "shown"));
        PAGES.put("/mentor/grade.xhtml", List.of("milestone", "correct"));
        PAGES.put("/mentor/grade.xhtml?milestone=1", List.of("correct", "shown"));
        PAGES.put("/mentor/queue.xhtml", List.of("x"));
        PAGES.put("/staff/plan.xhtml", List.of("venture", "move", "drop"));
        PAGES.put("/staff/plan.xhtml?venture=1", List.of("move", "drop", "shown"));
        PAGES.put("/signin", List.of("return"));
        PAGES.put("/callback", List.of("state", "code", "error"));
    }

    /** As they would stand in the query string. */
    private static final List<String> VALUES = List.of(
            "", "abc", "-1", "0", "1", "99999999999999999999", "9223372036854775808", "1e3", "1.5", "%00", "a%00b",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "'%20or%201%3D1--", "..%2F..%2Fetc%2Fpasswd", "%E2%80%AEfdp.exe",
            "%D9%A3", "%FF%FE%FD", "1,2", "a".repeat(3000), "%25", "SUBMITTED%27", "ACCEPTED", "name", "-");

    @Test
    void noParameterValueMakesAnyPageFailWithA5xx() throws Exception {
        Map<String, String> sessions = new LinkedHashMap<>();
        sessions.put("anonymous", null);
        for (DemoLogin login : DemoLogin.values()) {
            sessions.put(login.name(), Sessions.signedIn(login));
        }
        Map<String, String> before = snapshot();
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        long started = System.nanoTime();
        for (var session : sessions.entrySet()) {
            for (var page : PAGES.entrySet()) {
                for (String parameter : page.getValue()) {
                    for (String value : VALUES) {
                        String path = page.getKey() + (page.getKey().contains("?") ? "&" : "?") + parameter + "=" + value;
                        RawHttp.Response response = RawHttp.get(path, session.getValue());
                        statuses.merge(response.status(), 1, Integer::sum);
                        if (response.status() >= 500) {
                            failures.add(session.getKey() + " " + path.substring(0, Math.min(120, path.length())) + " -> " + response.status());
                        }
                    }
                }
            }
        }
        int asked = statuses.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("Parameter fuzz: %d requests in %d s, statuses %s%n", asked, (System.nanoTime() - started) / 1_000_000_000, statuses);
        assertTrue(asked > 3000, "The fuzz really ran");
        assertEquals(List.of(), failures, "Requests answered with a server error");
        assertEquals(before, snapshot(), "A GET changed stored state");
    }

    /** A digest of each table a person's actions change. */
    private static Map<String, String> snapshot() throws Exception {
        Map<String, String> digests = new TreeMap<>();
        for (String table : List.of("programme_call", "call_question", "rubric_criterion", "application", "application_member",
                "application_file", "stage_change", "review_assignment", "review", "review_reopening", "venture", "venture_member",
                "person_role", "notice_preference", "system_setting", "audit_entry", "course", "course_prerequisite", "cohort",
                "cohort_instructor", "cohort_invitation", "cohort_session", "enrolment", "attendance", "certificate", "session_check_in",
                "check_in_attempt", "final_assessment", "calendar_feed", "session_room",
                "session_instructor", "session_reminder", "milestone_template", "milestone", "milestone_submission", "milestone_grade")) {
            digests.put(table, Db.text("select coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from " + table + " t"));
        }
        digests.put("notice", Db.text("select coalesce(md5(string_agg((id, recipient_id, kind, dedupe_key, data)::text, '|' order by id)), '') from notice"));
        digests.put("person", Db.text("select coalesce(md5(string_agg((id, subject, username, email, locale)::text, '|' order by id)), '') from person"));
        return digests;
    }
}
