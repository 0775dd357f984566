package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import org.hamkke.devstack.DemoLogin;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlOption;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.html.HtmlTextArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fair review through the real pages: staff assign two reviewers; one declares no conflict, sees
 * the application without names (blind call) and scores it; the other declares a conflict and can
 * never open it again; staff see the score and the request to reassign.
 */
class ReviewIT {

    @RegisterExtension
    final TestPeople people = new TestPeople();

    private String reviewer() throws Exception {
        return people.create("en", "reviewer");
    }

    private static long[] callWithApplicationInReview() throws Exception {
        try (Connection db = Db.connect(); var s = db.createStatement()) {
            ResultSet r = s.executeQuery("""
                    insert into programme_call (title, summary, opens_at, closes_at, time_zone, blind_review)
                    values ('{"en": "Blind call"}', '{"en": "x"}', now() - interval '9 days', now() - interval '1 day', 'UTC', true)
                    returning id""");
            r.next();
            long call = r.getLong(1);
            s.execute("insert into call_question (call_id, position, kind, label, required) values (" + call
                    + ", 1, 'LONG_TEXT', '{\"en\": \"What do you make?\"}', true)");
            s.execute("insert into rubric_criterion (call_id, position, key, label, weight, max_score) values (" + call
                    + ", 1, 'impact', '{\"en\": \"Social impact\"}', 3, 5), (" + call + ", 2, 'team', '{\"en\": \"Team capacity\"}', 1, 5)");
            s.execute("insert into person (subject, username, display_name, created_at) values ('it:" + call
                    + "', 'it-applicant-" + call + "', 'Secret Applicant Name', now())");
            r = s.executeQuery("""
                    insert into application (call_id, applicant_id, name, answers, stage, created_at, updated_at, submitted_at, receipt)
                    select %d, id, 'Secret Cooperative Name', jsonb_build_object((select id from call_question where call_id = %d)::text,
                           'Handwoven baskets from water hyacinth'), 'IN_REVIEW', now(), now(), now(), 'IT-%d'
                    from person where subject = 'it:%d' returning id""".formatted(call, call, call, call));
            r.next();
            return new long[] {call, r.getLong(1)};
        }
    }

    /** Assigns a reviewer by hand on the application's page (the option whose text ends with their username). */
    private static HtmlPage assign(Visitor staff, long application, String reviewerUsername) throws Exception {
        HtmlPage page = staff.open("/staff/application.xhtml?id=" + application);
        HtmlSelect select = page.getHtmlElementById("assign:reviewer");
        HtmlOption option = select.getOptions().stream().filter(o -> o.getText().endsWith(reviewerUsername)).findFirst()
                .orElseThrow(() -> new AssertionError("No option for " + reviewerUsername));
        select.setSelectedAttribute(option, true);
        return page.<HtmlElement>getHtmlElementById("assign:assignButton").click();
    }

    @Test
    void assignDeclareScoreAndAConflictedReviewerIsShutOut() throws Exception {
        long[] ids = callWithApplicationInReview();
        long call = ids[0];
        long application = ids[1];
        String fair = reviewer();
        String conflicted = reviewer();

        try (Visitor staff = new Visitor()) {
            staff.open("/staff/applications.xhtml?call=" + call);
            staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            assign(staff, application, fair);
            assign(staff, application, conflicted);
        }
        assertEquals(2, Db.count("select count(*) from review_assignment where application_id = ?", application));

        try (Visitor r = new Visitor()) {
            r.open("/reviewer/");
            HtmlPage list = r.submitKeycloakLogin(fair, "a-long-passphrase-1");
            HtmlPage declare = list.<HtmlElement>getFirstByXPath("//li[@data-application='" + application + "']//a").click();
            assertNotNull(declare.getElementById("declare"), "The declaration comes before anything else");
            assertFalse(declare.asNormalizedText().contains("water hyacinth"), "Nothing of the application before declaring");

            HtmlPage sheet = declare.<HtmlElement>getHtmlElementById("declare:none").click();
            String text = sheet.asNormalizedText();
            assertTrue(text.contains("Handwoven baskets from water hyacinth"), text);
            assertFalse(text.contains("Secret Cooperative Name") || text.contains("Secret Applicant Name"), "Blind review hides names");

            List<HtmlSelect> selects = sheet.getByXPath("//fieldset[contains(@class,'criterion')]//select");
            selects.get(0).setSelectedAttribute("5", true);
            selects.get(1).setSelectedAttribute("3", true);
            HtmlPage done = sheet.<HtmlElement>getHtmlElementById("score:submit").click();
            assertTrue(done.asNormalizedText().contains("Your review is submitted"), done.asNormalizedText());

            HtmlPage readOnly = r.open("/reviewer/review.xhtml?application=" + application);
            assertNotNull(readOnly.getElementById("submitted"), "A submitted review is final");
            assertNull(readOnly.getElementById("score:submit"));
        }
        assertEquals("SUBMITTED", Db.value("select r.status from review r join review_assignment ra on ra.id = r.assignment_id "
                + "join person p on p.id = ra.reviewer_id where p.username = ?", fair));

        try (Visitor r = new Visitor()) {
            r.open("/reviewer/review.xhtml?application=" + application);
            HtmlPage declare = r.submitKeycloakLogin(conflicted, "a-long-passphrase-1");
            HtmlPage list = declare.<HtmlElement>getHtmlElementById("declare:conflict").click();
            assertTrue(list.asNormalizedText().contains("no longer shown to you"));
            assertNull(list.getFirstByXPath("//li[@data-application='" + application + "']"));
            r.open("/reviewer/review.xhtml?application=" + application);
            assertEquals(404, r.status(), "A conflicted reviewer can never load it again");
        }

        try (Visitor staff = new Visitor()) {
            staff.open("/staff/applications.xhtml?call=" + call);
            HtmlPage pipeline = staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            HtmlElement row = pipeline.getFirstByXPath("//tr[@data-rk='" + application + "']");
            // (3 * 5/5 + 1 * 3/5) / 4 = 0.9
            assertEquals("90", row.<HtmlElement>getFirstByXPath(".//td[contains(@class,'mean')]").asNormalizedText(), row.asNormalizedText());
            assertTrue(row.asNormalizedText().contains("1 of 1"), "Reviews done of those who count: " + row.asNormalizedText());
            assertTrue(row.asNormalizedText().contains("Reviewer conflict: assign another"), row.asNormalizedText());
        }
    }

    @Test
    void staffReopenASubmittedReviewWithAReasonKeptInItsHistory() throws Exception {
        long[] ids = callWithApplicationInReview();
        long application = ids[1];
        String reviewer = reviewer();
        try (Connection db = Db.connect(); var s = db.createStatement()) {
            s.execute("insert into review_assignment (application_id, reviewer_id, assigned_at, conflict, declared_at) "
                    + "select " + application + ", id, now(), 'NONE', now() from person where username = '" + reviewer + "'");
            s.execute("insert into review (assignment_id, scores, comments, status, submitted_at) select id, "
                    + "'{\"impact\": 2, \"team\": 1}', '{\"impact\": \"Too early to tell\"}', 'SUBMITTED', now() "
                    + "from review_assignment where application_id = " + application);
        }
        try (Visitor staff = new Visitor()) {
            staff.open("/staff/application.xhtml?id=" + application);
            HtmlPage page = staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            String reviews = page.getElementById("reviews").asNormalizedText();
            assertTrue(reviews.contains("submitted") && reviews.contains("Too early to tell") && reviews.contains("2 / 5"), reviews);

            HtmlPage refused = page.<HtmlElement>getFirstByXPath("//input[contains(@id,'reopenButton')]").click();
            assertTrue(refused.asNormalizedText().contains("Please give a reason"), refused.asNormalizedText());
            assertEquals("SUBMITTED", Db.value("select status from review r join review_assignment ra on ra.id = r.assignment_id "
                    + "where ra.application_id = ?", application));

            refused.<HtmlTextArea>getFirstByXPath("//article//textarea[contains(@id,'reason')]").setText("Scored against the old rubric");
            HtmlPage reopened = refused.<HtmlElement>getFirstByXPath("//input[contains(@id,'reopenButton')]").click();
            assertTrue(reopened.asNormalizedText().contains("is open again for changes"), reopened.asNormalizedText());
            assertTrue(reopened.getElementById("reviews").asNormalizedText().contains("Reopened by staff"), "Kept in its history");
            assertTrue(reopened.getElementById("reviews").asNormalizedText().contains("Scored against the old rubric"));
        }
        assertEquals("DRAFT", Db.value("select status from review r join review_assignment ra on ra.id = r.assignment_id "
                + "where ra.application_id = ?", application));
        assertEquals(1, Db.count("select count(*) from audit_entry where action = 'review.reopen' and object_id = ?",
                String.valueOf(application)));
        // The reviewer is told, once for this reopening, in the portal and by mail, with the reason.
        Outbox.settled(reviewer);
        assertEquals(List.of("review-reopened:" + Db.count("select o.id from review_reopening o join review_assignment ra "
                        + "on ra.id = o.assignment_id where ra.application_id = ?", application)),
                Db.values("select n.dedupe_key from notice n join person p on p.id = n.recipient_id where p.username = ? "
                        + "and n.kind = 'review-reopened'", reviewer));
        List<Mailbox.Mail> told = new Mailbox(KeycloakAdmin.emailOf(reviewer)).read().stream()
                .filter(m -> m.subject().equals("Your review for Blind call is open again")).toList();
        assertEquals(1, told.size(), "One mail for one reopening");
        assertTrue(told.getFirst().text().contains("Scored against the old rubric"), told.getFirst().text());
        try (Visitor r = new Visitor()) {
            r.open("/reviewer/review.xhtml?application=" + application);
            HtmlPage sheet = r.submitKeycloakLogin(reviewer, "a-long-passphrase-1");
            assertNotNull(sheet.getElementById("score:submit"), "The reviewer can change and submit it again");
            assertEquals("Too early to tell", sheet.<HtmlTextArea>getFirstByXPath("//textarea[contains(@id,'comment')]").getText(),
                    "Nothing written is lost");
        }
    }

    @Test
    void aReviewerCannotOpenWhatIsNotAssignedToThem() throws Exception {
        long[] ids = callWithApplicationInReview();
        String stranger = reviewer();
        try (Visitor r = new Visitor()) {
            r.open("/reviewer/review.xhtml?application=" + ids[1]);
            r.submitKeycloakLogin(stranger, "a-long-passphrase-1");
            assertEquals(404, r.status());
            r.open("/reviewer/review.xhtml?application=not-a-number");
            assertEquals(404, r.status());
        }
        try (Visitor applicant = new Visitor()) {
            applicant.signIn(DemoLogin.APPLICANT);
            applicant.open("/reviewer/review.xhtml?application=" + ids[1]);
            assertEquals(403, applicant.status(), "Not a reviewer at all");
        }
    }

    @Test
    void applicantsSeeTheReviewersCommentsOnlyWhenTheCallSharesThemAndNeverWhoWroteThem() throws Exception {
        String applicant = people.create("en");
        long call;
        try (Visitor v = new Visitor()) {
            v.open("/me/");
            v.submitKeycloakLogin(applicant, "a-long-passphrase-1");
            try (Connection db = Db.connect(); var s = db.createStatement()) {
                ResultSet r = s.executeQuery("insert into programme_call (title, summary, opens_at, closes_at, time_zone, share_feedback) "
                        + "values ('{\"en\": \"Open feedback call\"}', '{\"en\": \"x\"}', now() - interval '9 days', now() - interval '1 day', 'UTC', true) returning id");
                r.next();
                call = r.getLong(1);
                s.execute("insert into rubric_criterion (call_id, position, key, label, weight, max_score) values (" + call
                        + ", 1, 'impact', '{\"en\": \"Social impact\"}', 1, 5)");
                s.execute("insert into person (subject, username, display_name, created_at) values ('it:rev:" + call
                        + "', 'it-reviewer-" + call + "', 'Named Reviewer Person', now())");
                s.execute("insert into person_role (person_id, role) select id, 'reviewer' from person where subject = 'it:rev:" + call + "'");
                r = s.executeQuery("insert into application (call_id, applicant_id, name, stage, decision_message, decided_at, created_at, "
                        + "updated_at, submitted_at, receipt) select " + call + ", id, 'Feedback Co-op', 'ACCEPTED', 'Welcome aboard', now(), "
                        + "now(), now(), now(), 'FB-" + call + "' from person where username = '" + applicant + "' returning id");
                r.next();
                long application = r.getLong(1);
                r = s.executeQuery("insert into review_assignment (application_id, reviewer_id, assigned_at, conflict, declared_at) select "
                        + application + ", id, now(), 'NONE', now() from person where subject = 'it:rev:" + call + "' returning id");
                r.next();
                s.execute("insert into review (assignment_id, scores, comments, status, submitted_at) values (" + r.getLong(1)
                        + ", '{\"impact\": 4}', '{\"impact\": \"Strong community roots\"}', 'SUBMITTED', now())");
            }
            String shared = v.open("/me/applications.xhtml").asNormalizedText();
            assertTrue(shared.contains("Strong community roots") && shared.contains("What the reviewers wrote"), shared);
            assertFalse(shared.contains("Named Reviewer Person"), "Never who wrote it");

            try (Connection db = Db.connect(); var s = db.createStatement()) {
                s.execute("update programme_call set share_feedback = false where id = " + call);
            }
            assertFalse(v.open("/me/applications.xhtml").asNormalizedText().contains("Strong community roots"),
                    "A call that does not share feedback shows none");
        }
    }


    /**
     * Under blind review nothing of who applied reaches the reviewer: not the application's name,
     * the applicant's, the members' names or addresses, nor the files' own names, on the page, in
     * its source or in a download's headers; staff keep the original names.
     */
    @Test
    void blindReviewShowsNoNameAnywhereNotEvenInFileNames() throws Exception {
        String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
        long call = IntakeData.call("Blind files call " + tag, true);
        long what = IntakeData.question(call, 1, "LONG_TEXT", "What do you make?", true);
        long photo = IntakeData.question(call, 2, "FILE", "A photo of your work", false);
        long budget = IntakeData.question(call, 3, "FILE", "Your budget", false);
        IntakeData.criterion(call, "impact", "Social impact");
        long applicant = IntakeData.person("Secret Applicant Name", "secret.applicant+" + tag + "@it.example", "");
        long application = IntakeData.application(call, applicant, "Secret Cooperative Name", "IN_REVIEW", 5);
        IntakeData.answer(application, what, "Handwoven baskets from water hyacinth");
        IntakeData.member(application, 1, "Secret Member One", "secret.member+" + tag + "@it.example");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        // Stored in the opposite order of the questions: the numbers follow the form, not the uploads.
        long budgetFile = IntakeData.file(application, budget, "Budget of Secret Cooperative.pdf", "application/pdf", pdf);
        long photoFile = IntakeData.file(application, photo, "secret-cooperative-photo.png", "image/png", png);
        String reviewer = reviewer();
        IntakeData.assignment(application, Db.count("select id from person where username = ?", reviewer), "NONE");

        try (Visitor r = new Visitor()) {
            r.open("/reviewer/review.xhtml?application=" + application);
            HtmlPage sheet = r.submitKeycloakLogin(reviewer, TestPeople.PASSWORD);
            String source = sheet.getWebResponse().getContentAsString();
            assertTrue(source.contains("Handwoven baskets from water hyacinth"), "The answers are there");
            assertFalse(source.toLowerCase(java.util.Locale.ROOT).contains("secret"), "No name in the page source: " + source);
            List<String> links = sheet.<HtmlElement>getByXPath("//a[@class='attachment']").stream().map(a -> a.getTextContent().strip()).toList();
            assertEquals(List.of("Attachment 1.png", "Attachment 2.pdf"), links, "Neutral names, numbered in the form's order");

            var download = r.openRaw(TestStack.portalUrl() + "/files/attachment?id=" + budgetFile).getWebResponse();
            assertEquals(200, download.getStatusCode());
            assertEquals("attachment; filename*=UTF-8''Attachment%202.pdf", download.getResponseHeaderValue("Content-Disposition"));
            for (var header : download.getResponseHeaders()) {
                assertFalse(header.getValue().toLowerCase(java.util.Locale.ROOT).contains("secret"), header.toString());
            }
            assertArrayEquals(pdf, download.getContentAsStream().readAllBytes());
            assertEquals("attachment; filename*=UTF-8''Attachment%201.png", r.openRaw(TestStack.portalUrl() + "/files/attachment?id="
                    + photoFile).getWebResponse().getResponseHeaderValue("Content-Disposition"));
        }
        try (Visitor staff = new Visitor()) {
            staff.open("/staff/application.xhtml?id=" + application);
            HtmlPage page = staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            assertTrue(page.getElementById("files").asNormalizedText().contains("Budget of Secret Cooperative.pdf"), "Staff see the original");
            assertTrue(page.getElementById("members").asNormalizedText().contains("secret.member+" + tag + "@it.example"),
                    "and the members' addresses");
            var download = staff.openRaw(TestStack.portalUrl() + "/files/attachment?id=" + budgetFile).getWebResponse();
            assertEquals("attachment; filename*=UTF-8''Budget%20of%20Secret%20Cooperative.pdf",
                    download.getResponseHeaderValue("Content-Disposition"));
        }
    }
}
