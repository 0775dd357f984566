package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hamkke.devstack.DemoLogin;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Notices through the real stack: stored once, shown under the bell, mailed over SMTP to the mail
 * catcher and read back over IMAP, in the person's language, as their preferences say.
 */
class NotificationIT {

    private static final Duration MAIL_WAIT = Duration.ofSeconds(30);

    private final List<String> created = new java.util.ArrayList<>();

    @AfterEach
    void removeUsers() throws Exception {
        var admin = new KeycloakAdmin();
        for (String username : created) {
            if (admin.exists(username)) {
                admin.deleteUser(admin.userId(username));
            }
        }
    }

    private String newUser(String locale) throws Exception {
        String username = KeycloakAdmin.randomUsername();
        new KeycloakAdmin().createUser(username, "a-long-passphrase-1", locale);
        created.add(username);
        return username;
    }

    private static HtmlPage signIn(Visitor visitor, String username) throws Exception {
        visitor.open("/me/");
        return visitor.submitKeycloakLogin(username, "a-long-passphrase-1");
    }

    @Test
    void welcomeArrivesOnceInTheBellAndByMailInThePersonsLanguage() throws Exception {
        String username = newUser("fr");
        Mailbox mailbox = new Mailbox(KeycloakAdmin.emailOf(username));
        try (Visitor visitor = new Visitor()) {
            HtmlPage me = signIn(visitor, username);
            assertEquals("1", me.getElementById("unread").getTextContent().trim(), "The bell counts the welcome");

            List<Mailbox.Mail> mails = mailbox.await(m -> true, 1, MAIL_WAIT);
            assertEquals(1, mails.size(), "One welcome mail");
            Mailbox.Mail welcome = mails.getFirst();
            assertEquals("Bienvenue sur Hamkke", welcome.subject());
            assertEquals("fr", welcome.language());
            assertTrue(welcome.text().contains("Bonjour Test " + username), welcome.text());
            assertTrue(welcome.text().contains(TestStack.portalUrl() + "/me/"), "A link back to the portal");
            assertTrue(welcome.html().contains("dir=\"ltr\"") && welcome.html().contains("lang=\"fr\""));

            visitor.signOut();
            signIn(visitor, username);
        }
        Outbox.settled(username);
        assertEquals(1, mailbox.read().size(), "Signing in again does not welcome twice");
        assertEquals(1, Db.count("select count(*) from notice n join person p on p.id = n.recipient_id "
                + "where p.username = ? and n.kind = 'welcome'", username));
    }

    @Test
    void arabicMailIsRightToLeft() throws Exception {
        String username = newUser("ar");
        try (Visitor visitor = new Visitor()) {
            signIn(visitor, username);
        }
        Mailbox.Mail welcome = new Mailbox(KeycloakAdmin.emailOf(username)).await(m -> true, 1, MAIL_WAIT).getFirst();
        assertEquals("ar", welcome.language());
        assertTrue(welcome.html().contains("dir=\"rtl\""), "Arabic mail reads right to left");
        assertEquals("مرحبًا بك في Hamkke", welcome.subject());
    }

    @Test
    void listOpensAndMarksRead() throws Exception {
        String username = newUser("en");
        try (Visitor visitor = new Visitor()) {
            signIn(visitor, username);
            HtmlPage list = visitor.open("/me/notices.xhtml");
            List<HtmlElement> notices = list.getByXPath("//li[contains(@class,'notice')]");
            assertEquals(1, notices.size());
            assertTrue(notices.getFirst().getAttribute("class").contains("unread"));
            assertEquals("welcome", notices.getFirst().getAttribute("data-kind"));

            HtmlPage opened = notices.getFirst().<HtmlElement>getFirstByXPath(".//a").click();
            assertEquals(TestStack.portalUrl() + "/me/", opened.getUrl().toString());
            assertNull(opened.getElementById("unread"), "Opened notices leave the bell");

            // Someone else's notice id answers as if it did not exist.
            long foreign = Db.count("select coalesce(max(id), 0) + 1000 from notice");
            visitor.open("/me/notices/open?id=" + foreign);
            assertEquals(404, visitor.status());
        }
    }

    @Test
    void emailOffForAKindStaysInThePortalOnly() throws Exception {
        String username = newUser("en");
        var admin = new KeycloakAdmin();
        try (Visitor visitor = new Visitor()) {
            signIn(visitor, username);
            HtmlPage settings = visitor.open("/me/notice-settings.xhtml");
            HtmlCheckBoxInput roleMails = checkbox(settings, "role-granted");
            roleMails.setChecked(false);
            HtmlCheckBoxInput decisions = checkbox(settings, "application-decision");
            assertTrue(decisions.isDisabled() && decisions.isChecked(), "Decisions are always mailed");
            HtmlPage saved = settings.<HtmlElement>getHtmlElementById("settings:save").click();
            assertTrue(saved.asNormalizedText().contains("preferences are saved"));
            assertTrue(!checkbox(saved, "role-granted").isChecked(), "The choice is kept");

            admin.grantRealmRole(admin.userId(username), "reviewer");
            visitor.signOut();
            HtmlPage me = signIn(visitor, username);
            assertNotNull(me.getElementById("unread"));
        }
        String state = (String) Db.value("select n.email_state from notice n join person p on p.id = n.recipient_id "
                + "where p.username = ? and n.kind = 'role-granted'", username);
        assertEquals("SKIPPED", state, "No e-mail for a kind turned off");
        Outbox.settled(username);
        assertEquals(List.of("Welcome to Hamkke"),
                new Mailbox(KeycloakAdmin.emailOf(username)).read().stream().map(Mailbox.Mail::subject).toList());
    }

    @Test
    void digestJobFiresOnScheduleAndSendsOnceADay() throws Exception {
        String username = newUser("en");
        var admin = new KeycloakAdmin();
        Mailbox mailbox = new Mailbox(KeycloakAdmin.emailOf(username));
        try (Visitor visitor = new Visitor()) {
            signIn(visitor, username);
            HtmlPage settings = visitor.open("/me/notice-settings.xhtml");
            settings.<HtmlRadioButtonInput>getFirstByXPath("//input[@type='radio' and @value='DAILY_DIGEST']").setChecked(true);
            settings.<HtmlElement>getHtmlElementById("settings:save").click();
            admin.grantRealmRole(admin.userId(username), "mentor");
            visitor.signOut();
            signIn(visitor, username);
        }
        String person = "(select id from person where username = '" + username + "')";
        assertEquals("DIGEST", Db.value("select email_state from notice where recipient_id = " + person + " and kind = 'role-granted'"));

        try (var jobs = new JobStoreClient(TestStack.jdbcUrl(), "it-digest")) {
            jobs.fireOnce("daily-digest", "digest-" + username, 1000, Map.of());
            List<Mailbox.Mail> digests = mailbox.await(m -> m.subject().startsWith("Your Hamkke digest"), 1, MAIL_WAIT);
            assertEquals(1, digests.size(), "The digest arrives");
            assertTrue(digests.getFirst().text().contains("- You can now work as mentor"), digests.getFirst().text());

            jobs.fireOnce("daily-digest", "digest-again-" + username, 500, Map.of());
            assertTrue(Db.eventually(Duration.ofSeconds(20), () -> Db.count(
                    "select count(*) from job_run where trigger_name = ? and outcome = 'SUCCEEDED'", "digest-again-" + username) == 1));
        }
        Outbox.settled(username);
        assertEquals(1, mailbox.read().stream().filter(m -> m.subject().startsWith("Your Hamkke digest")).count(),
                "The same day's digest is sent once, however often the job runs");
        assertEquals("DIGESTED", Db.value("select email_state from notice where recipient_id = " + person + " and kind = 'role-granted'"));
    }

    @Test
    void mailServerDownThenUpDeliversOnceAndLosesNothing() throws Exception {
        assumeTrue(TestStack.owned() != null, "Needs to stop the mail server the test run owns");
        var mail = TestStack.owned().mail();
        String username = newUser("en");
        mail.stop();
        try {
            try (Visitor visitor = new Visitor()) {
                HtmlPage me = signIn(visitor, username);
                assertNotNull(me.getElementById("who"), "Signing in works with the mail server down");
            }
            String notice = "(select n.id from notice n join person p on p.id = n.recipient_id where p.username = '"
                    + username + "' and n.kind = 'welcome')";
            assertTrue(Db.eventually(Duration.ofSeconds(20), () -> Db.count(
                    "select email_attempts from notice where id = " + notice) >= 1), "A failed attempt is recorded");
            assertEquals("PENDING", Db.value("select email_state from notice where id = " + notice));

            try (Visitor admin = new Visitor()) {
                admin.open("/admin/notifications.xhtml");
                HtmlPage page = admin.submitKeycloakLogin(DemoLogin.ADMIN.username(), DemoLogin.ADMIN.password());
                assertTrue(page.asNormalizedText().contains(KeycloakAdmin.emailOf(username)),
                        "Admins see the e-mail waiting for a retry");
            }
        } finally {
            mail.start();
        }
        Mailbox mailbox = new Mailbox(KeycloakAdmin.emailOf(username));
        assertEquals(1, mailbox.await(m -> true, 1, Duration.ofSeconds(60)).size(), "Delivered after the retry");
        Outbox.settled(username);
        assertEquals(1, mailbox.read().size(), "Delivered once");
        assertEquals("SENT", Db.value("select n.email_state from notice n join person p on p.id = n.recipient_id "
                + "where p.username = ? and n.kind = 'welcome'", username));
    }

    /**
     * An e-mail the outbox gave up on is sent again when an admin asks (admin/notifications.xhtml),
     * once, and the request is audited.
     */
    @Test
    void anAdminRetriesAMailThatWasGivenUp() throws Exception {
        String username = newUser("en");
        String email = KeycloakAdmin.emailOf(username);
        Mailbox mailbox = new Mailbox(email);
        try (Visitor visitor = new Visitor()) {
            signIn(visitor, username);
        }
        assertEquals(1, mailbox.await(m -> true, 1, MAIL_WAIT).size());
        Outbox.settled(username);
        // Where the outbox leaves a mail after its last attempt (the test's mail server refuses nothing).
        long notice = Db.count("select n.id from notice n join person p on p.id = n.recipient_id where p.username = ? and n.kind = 'welcome'",
                username);
        Db.execute("update notice set email_state = 'FAILED', email_attempts = 8, email_sent_at = null, "
                + "email_error = '550 5.1.1 Mailbox unavailable' where id = ?", notice);

        try (Visitor admin = new Visitor()) {
            admin.open("/admin/notifications.xhtml");
            HtmlPage page = admin.submitKeycloakLogin(DemoLogin.ADMIN.username(), DemoLogin.ADMIN.password());
            HtmlElement row = page.getFirstByXPath("//tr[contains(@class,'delivery') and contains(., '" + email + "')]");
            assertNotNull(row, "The failed e-mail is listed");
            assertTrue(row.asNormalizedText().contains("Gave up") && row.asNormalizedText().contains("550 5.1.1 Mailbox unavailable"),
                    row.asNormalizedText());
            HtmlPage retried = row.<HtmlElement>getFirstByXPath(".//input[contains(@id,':retry')]").click();
            assertTrue(retried.asNormalizedText().contains("E-mail " + notice + " will be sent again."), retried.asNormalizedText());
        }
        assertEquals(2, mailbox.await(m -> true, 2, MAIL_WAIT).size(), "Sent again");
        Outbox.settled(username);
        assertEquals(List.of("Welcome to Hamkke", "Welcome to Hamkke"), mailbox.read().stream().map(Mailbox.Mail::subject).toList(),
                "Once more, not more");
        assertEquals("SENT", Db.value("select email_state from notice where id = ?", notice));
        assertEquals(1, Db.count("select count(*) from audit_entry where action = 'notice.retry' and object_id = ?", String.valueOf(notice)));
        try (Visitor admin = new Visitor()) {
            admin.open("/admin/notifications.xhtml");
            HtmlPage page = admin.submitKeycloakLogin(DemoLogin.ADMIN.username(), DemoLogin.ADMIN.password());
            assertTrue(!page.asNormalizedText().contains(email), "No longer among the undelivered");
        }
    }

    @Test
    void markAllReadEmptiesTheBell() throws Exception {
        String username = newUser("en");
        var admin = new KeycloakAdmin();
        try (Visitor visitor = new Visitor()) {
            signIn(visitor, username);
            admin.grantRealmRole(admin.userId(username), "mentor");
            visitor.signOut();
            HtmlPage me = signIn(visitor, username);
            assertEquals("2", me.getElementById("unread").getTextContent().trim(), "The welcome and the new role");

            HtmlPage list = visitor.open("/me/notices.xhtml");
            assertEquals(2, list.getByXPath("//li[contains(@class,'notice') and contains(@class,'unread')]").size());
            HtmlPage done = list.<HtmlElement>getHtmlElementById("notices:markAllRead").click();
            assertTrue(done.asNormalizedText().contains("2 notices marked as read."), done.asNormalizedText());
            assertNull(done.getElementById("unread"), "The bell has nothing to count");
            assertEquals(0, done.getByXPath("//li[contains(@class,'notice') and contains(@class,'unread')]").size());
            assertEquals(2, done.getByXPath("//li[contains(concat(' ', @class, ' '), ' read ')]").size(), "Both still listed, as read");
            assertNull(done.getElementById("notices:markAllRead"), "Nothing left to mark");
        }
        assertEquals(0, Db.count("select count(*) from notice n join person p on p.id = n.recipient_id "
                + "where p.username = ? and n.read_at is null", username));
    }

    private static HtmlCheckBoxInput checkbox(HtmlPage settings, String kind) {
        List<HtmlCheckBoxInput> boxes = settings.getByXPath("//div[@data-kind='" + kind + "']//input[@type='checkbox']");
        assertEquals(1, boxes.size(), () -> "One checkbox for " + kind);
        return boxes.getFirst();
    }
}
