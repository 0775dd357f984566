package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The intake reminder job through the real scheduler: a draft on a call closing in two days brings
 * its applicant one reminder, in their language, however often the job runs; the nightly
 * housekeeping removes drafts of calls closed long ago and leaves the rest.
 */
class IntakeRemindersIT {

    private String username;

    @AfterEach
    void removeUser() throws Exception {
        var admin = new KeycloakAdmin();
        if (username != null && admin.exists(username)) {
            admin.deleteUser(admin.userId(username));
        }
    }

    private static long draft(String username, String closesIn) throws Exception {
        try (Connection db = Db.connect(); var s = db.createStatement()) {
            ResultSet r = s.executeQuery("insert into programme_call (title, summary, opens_at, closes_at, time_zone) values "
                    + "('{\"en\": \"Seed call\", \"id\": \"Panggilan benih\"}', '{\"en\": \"x\"}', now() - interval '60 days', "
                    + "now() + interval '" + closesIn + "', 'Asia/Jakarta') returning id");
            r.next();
            long call = r.getLong(1);
            r = s.executeQuery("insert into application (call_id, applicant_id, name, created_at, updated_at) "
                    + "select " + call + ", id, 'Draft of " + username + "', now(), now() from person where username = '" + username
                    + "' returning id");
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void aDraftClosingSoonIsRemindedOnceAndOldDraftsAreSweptAway() throws Exception {
        username = KeycloakAdmin.randomUsername();
        new KeycloakAdmin().createUser(username, "a-long-passphrase-1", "id");
        try (Visitor v = new Visitor()) {
            v.open("/me/");
            v.submitKeycloakLogin(username, "a-long-passphrase-1");
        }
        long soon = draft(username, "2 days");
        Mailbox mailbox = new Mailbox(KeycloakAdmin.emailOf(username));

        try (var jobs = new JobStoreClient(TestStack.jdbcUrl(), "it-reminders")) {
            jobs.fireOnce("intake-reminders", "reminders-" + username, 0, Map.of());
            var reminders = mailbox.await(m -> m.subject().contains("belum dikirim"), 1, Duration.ofSeconds(30));
            assertEquals(1, reminders.size(), "The reminder arrives, in Indonesian");
            assertEquals("Lamaran Anda ke Panggilan benih belum dikirim", reminders.getFirst().subject());
            jobs.fireOnce("intake-reminders", "reminders-again-" + username, 0, Map.of());
            assertTrue(Db.eventually(Duration.ofSeconds(20), () -> Db.count(
                    "select count(*) from job_run where trigger_name = ? and outcome = 'SUCCEEDED'", "reminders-again-" + username) == 1));
        }
        Outbox.settled(username);
        assertEquals(1, mailbox.read().stream().filter(m -> m.subject().contains("belum dikirim")).count(), "Reminded once");

        // A draft of a call that closed 40 days ago is swept; the one still open stays.
        long old = draft(username, "-40 days");
        try (var jobs = new JobStoreClient(TestStack.jdbcUrl(), "it-sweep")) {
            jobs.fireOnce("housekeeping", "sweep-" + username, 0, Map.of());
        }
        assertTrue(Db.eventually(Duration.ofSeconds(20), () -> "SUCCEEDED".equals(
                Db.value("select outcome from job_run where trigger_name = ?", "sweep-" + username))));
        assertEquals(0, Db.count("select count(*) from application where id = ?", old), "The expired draft is gone");
        assertEquals(1, Db.count("select count(*) from application where id = ?", soon), "The live draft stays");
    }

    /**
     * Reviewers of a call whose review deadline is two days away: each review not yet submitted
     * brings its reviewer exactly one reminder notice, however often the job runs; nothing for a
     * submitted review, a declared conflict, a withdrawn application, an application the reviewer
     * is a member of, or a call whose deadline is further away. Counted as rows after each run.
     */
    @Test
    void aReviewerWithAPendingReviewIsRemindedOncePerWindow() throws Exception {
        String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
        long reviewer = IntakeData.person("Reminded Reviewer " + tag, "reminded+" + tag + "@it.example", "reviewer");
        long soon = IntakeData.call("Deadline soon " + tag, true);
        IntakeData.execute("update programme_call set review_deadline = now() + interval '2 days' where id = ?", soon);
        long later = IntakeData.call("Deadline later " + tag, true);
        IntakeData.execute("update programme_call set review_deadline = now() + interval '8 days' where id = ?", later);
        long[] apps = new long[7];
        for (int n = 0; n < apps.length; n++) {
            apps[n] = IntakeData.application(n == 6 ? later : soon, IntakeData.person("Applicant " + n + " " + tag, null, ""),
                    "Reminder app " + n + " " + tag, n == 4 ? "WITHDRAWN" : "IN_REVIEW", 10 + n);
        }
        long pending = IntakeData.assignment(apps[0], reviewer, "UNDECLARED");
        long draft = IntakeData.assignment(apps[1], reviewer, "NONE");
        IntakeData.execute("insert into review (assignment_id, status) values (?, 'DRAFT')", draft);
        long submitted = IntakeData.assignment(apps[2], reviewer, "NONE");
        IntakeData.execute("insert into review (assignment_id, status, submitted_at) values (?, 'SUBMITTED', now())", submitted);
        IntakeData.assignment(apps[3], reviewer, "CONFLICT");
        IntakeData.assignment(apps[4], reviewer, "NONE");
        IntakeData.assignment(apps[5], reviewer, "NONE");
        IntakeData.member(apps[5], 1, "The reviewer", "REMINDED+" + tag + "@it.example");
        IntakeData.assignment(apps[6], reviewer, "UNDECLARED");

        String reminders = "select count(*) from notice where recipient_id = ? and kind = 'review-reminder'";
        try (var jobs = new JobStoreClient(TestStack.jdbcUrl(), "it-review-reminders")) {
            for (String run : new String[] {"first", "second"}) {
                String trigger = "review-reminders-" + run + "-" + tag;
                jobs.fireOnce("intake-reminders", trigger, 0, Map.of());
                assertTrue(Db.eventually(Duration.ofSeconds(30), () -> "SUCCEEDED".equals(
                        Db.value("select outcome from job_run where trigger_name = ?", trigger))), trigger);
                assertEquals(2, Db.count(reminders, reviewer), "After the " + run + " run: one per pending review");
            }
        }
        assertEquals(java.util.stream.Stream.of("review-reminder:" + pending, "review-reminder:" + draft).sorted()
                        .collect(java.util.stream.Collectors.joining(",")),
                Db.value("select string_agg(dedupe_key, ',' order by dedupe_key) from notice where recipient_id = ? "
                        + "and kind = 'review-reminder'", reviewer), "The pending and the draft review, nothing else");
    }
}
