package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hamkke.devstack.DemoLogin;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.Test;

/** The "Scheduled jobs" page: staff look, admins act, every action audited, nobody else gets in. */
class ScheduledJobsIT {

    private static final List<String> JOBS = List.of("certificate-sweep", "cluster-check", "course-completion", "daily-digest", "housekeeping", "intake-reminders", "mail-delivery", "mentor-offers",
            "session-reminders",
            "waitlist-offers");

    @Test
    void staffSeeEveryJobButCannotChangeAny() throws Exception {
        try (Visitor staff = new Visitor()) {
            staff.open("/staff/jobs.xhtml");
            HtmlPage page = staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            assertEquals(JOBS, jobNames(page));
            assertTrue(page.getByXPath("//input[@type='submit' and contains(@id,':run')]").isEmpty(), "No buttons for staff");
            String housekeepingState = state(page, "housekeeping");
            assertEquals("NORMAL", housekeepingState);
            assertTrue(page.getElementById("instances").asNormalizedText().contains("this one"));

            // A post naming the admin's button does nothing: the control is not there for staff.
            String viewState = page.<HtmlInput>getFirstByXPath("//input[@name='jakarta.faces.ViewState']").getValue();
            WebRequest forged = new WebRequest(page.getUrl(), HttpMethod.POST);
            int row = JOBS.indexOf("housekeeping");
            forged.setRequestParameters(List.of(
                    new NameValuePair("jobs", "jobs"),
                    new NameValuePair("jobs:table:" + row + ":pause", "Pause"),
                    new NameValuePair("jakarta.faces.ViewState", viewState)));
            staff.browser().getPage(forged);
            assertEquals("NORMAL", state(staff.open("/staff/jobs.xhtml"), "housekeeping"));
            assertEquals(0, Db.count("select count(*) from audit_entry where actor = 'staff' and object_type = 'job'"));
        }
    }

    @Test
    void adminRunsPausesAndResumesAndEachIsAudited() throws Exception {
        long auditBefore = Db.count("select count(*) from audit_entry where actor = 'admin' and object_type = 'job'");
        try (Visitor admin = new Visitor()) {
            admin.open("/staff/jobs.xhtml");
            HtmlPage page = admin.submitKeycloakLogin(DemoLogin.ADMIN.username(), DemoLogin.ADMIN.password());

            HtmlPage after = button(page, "cluster-check", "run").click();
            assertTrue(after.asNormalizedText().contains("was started"), "The admin is told");
            assertTrue(Db.eventually(Duration.ofSeconds(20), () -> "SUCCEEDED".equals(
                    Db.value("select outcome from job_run where job_name = 'cluster-check' order by id desc limit 1"))));
            HtmlPage reloaded = admin.open("/staff/jobs.xhtml");
            assertEquals("SUCCEEDED", row(reloaded, "cluster-check").<HtmlElement>getFirstByXPath(".//span[@class='outcome']")
                    .getAttribute("data-outcome"));

            HtmlPage paused = button(reloaded, "housekeeping", "pause").click();
            assertEquals("PAUSED", state(paused, "housekeeping"));
            assertNull(row(paused, "housekeeping").getFirstByXPath(".//input[contains(@id,':pause')]"));
            HtmlPage resumed = button(paused, "housekeeping", "resume").click();
            assertEquals("NORMAL", state(resumed, "housekeeping"));
        }
        assertEquals(auditBefore + 3, Db.count("select count(*) from audit_entry where actor = 'admin' and object_type = 'job'"));
        assertEquals("job.resume", Db.value("select action from audit_entry where actor = 'admin' order by id desc limit 1"));
    }

    @Test
    void onlyStaffAndAdminsReachTheJobsAndOnlyAdminsTheNotifications() throws Exception {
        Map<DemoLogin, int[]> expected = Map.of(
                DemoLogin.APPLICANT, new int[] {403, 403},
                DemoLogin.REVIEWER, new int[] {403, 403},
                DemoLogin.STAFF, new int[] {200, 403},
                DemoLogin.ADMIN, new int[] {200, 200});
        for (var entry : expected.entrySet()) {
            try (Visitor visitor = new Visitor()) {
                visitor.signIn(entry.getKey());
                visitor.open("/staff/jobs.xhtml");
                assertEquals(entry.getValue()[0], visitor.status(), entry.getKey() + " on the jobs page");
                visitor.open("/admin/notifications.xhtml");
                assertEquals(entry.getValue()[1], visitor.status(), entry.getKey() + " on the notifications page");
            }
        }
    }

    @Test
    void adminMovesTheDigestHourAndTheTriggerFollows() throws Exception {
        try (Visitor admin = new Visitor()) {
            admin.open("/admin/notifications.xhtml");
            HtmlPage page = admin.submitKeycloakLogin(DemoLogin.ADMIN.username(), DemoLogin.ADMIN.password());
            try {
                page.<org.htmlunit.html.HtmlSelect>getHtmlElementById("digest:hour").setSelectedAttribute("9", true);
                HtmlPage saved = page.<HtmlElement>getHtmlElementById("digest:saveHour").click();
                assertTrue(saved.asNormalizedText().contains("09:00"), "The admin is told the new hour");
                HtmlPage jobs = admin.open("/staff/jobs.xhtml");
                assertTrue(row(jobs, "daily-digest").asNormalizedText().contains("0 0 9 ? * *"), "The trigger moved");
                assertEquals("7 -> 9", Db.value("select detail from audit_entry where action = 'digest.hour' order by id desc limit 1"));
            } finally {
                HtmlPage back = admin.open("/admin/notifications.xhtml");
                back.<org.htmlunit.html.HtmlSelect>getHtmlElementById("digest:hour").setSelectedAttribute("7", true);
                back.<HtmlElement>getHtmlElementById("digest:saveHour").click();
            }
        }
    }

    @Test
    void housekeepingRemovesWhatExpiredAndKeepsTheRest() throws Exception {
        assumeTrue(TestStack.owned() != null, "Needs the portal's own files folder");
        Path tmp = TestStack.owned().settings().dataDir().resolve("portal/files/tmp");
        Files.createDirectories(tmp);
        Path abandoned = Files.writeString(tmp.resolve("abandoned-upload.part"), "left behind two days ago");
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Path fresh = Files.writeString(tmp.resolve("fresh-upload.part"), "someone is still typing");
        try (var connection = Db.connect(); var s = connection.createStatement()) {
            s.execute("insert into revoked_session (sid, subject, revoked_at) values ('old-sid', null, now() - interval '3 days'),"
                    + " ('recent-sid', null, now())");
        }
        try (var jobs = new JobStoreClient(TestStack.jdbcUrl(), "it-housekeeping")) {
            jobs.fireOnce("housekeeping", "housekeeping-now", 0, Map.of());
        }
        assertTrue(Db.eventually(Duration.ofSeconds(20), () -> "SUCCEEDED".equals(Db.value(
                "select outcome from job_run where trigger_name = 'housekeeping-now'"))));
        assertTrue(!Files.exists(abandoned), "The abandoned upload is gone");
        assertTrue(Files.exists(fresh), "The fresh one stays");
        assertEquals(0, Db.count("select count(*) from revoked_session where sid = 'old-sid'"));
        assertEquals(1, Db.count("select count(*) from revoked_session where sid = 'recent-sid'"));
        String report = (String) Db.value("select detail from job_run where trigger_name = 'housekeeping-now'");
        assertTrue(report.contains("temporary files=1"), report);
    }

    static List<String> jobNames(HtmlPage page) {
        return page.<HtmlElement>getByXPath("//span[@class='job-name']").stream().map(e -> e.getAttribute("data-job")).toList();
    }

    private static HtmlElement row(HtmlPage page, String job) {
        return page.getFirstByXPath("//tr[.//span[@data-job='" + job + "']]");
    }

    private static String state(HtmlPage page, String job) {
        return row(page, job).<HtmlElement>getFirstByXPath(".//span[@class='state']").getAttribute("data-state");
    }

    private static HtmlElement button(HtmlPage page, String job, String action) {
        HtmlElement button = row(page, job).getFirstByXPath(".//input[contains(@id,':" + action + "')]");
        assertTrue(button != null, () -> "No " + action + " button for " + job);
        return button;
    }
}
