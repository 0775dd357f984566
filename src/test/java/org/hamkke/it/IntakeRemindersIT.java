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
}
