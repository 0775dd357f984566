package org.hamkke.it;

import static org.hamkke.it.Pages.click;
import static org.hamkke.it.Pages.clickAt;
import static org.hamkke.it.Pages.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.hamkke.devstack.DemoLogin;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.htmlunit.html.HtmlTextArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Milestones through the real stack and pages (issue 13): staff apply the programme's templates
 * to a venture; a member submits text and a link; the assigned mentor (in French) asks for a
 * revision saying what to change; the member resubmits; two assigned mentors grade the same
 * submission at once and the second is told, nothing overwritten; the grade is corrected with a
 * reason, a new version, the first kept and shown to the member; a mentor not assigned and
 * another venture's member get 404; the notices arrive in GreenMail in each person's language.
 */
class MilestonesIT {

    @RegisterExtension
    final TestPeople people = new TestPeople();

    @Test
    void aMilestoneIsPlannedSubmittedRevisedPassedAndItsGradeCorrected() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String member = people.create("en", "entrepreneur");
        String mentor = people.create("fr", "mentor");
        String second = people.create("en", "mentor");
        String outsider = people.create("en", "mentor");
        long memberId = personId(member);
        long mentorId = personId(mentor);
        long secondId = personId(second);
        long outsiderId = personId(outsider);
        long call = IntakeData.call("Milestones call " + tag, false);
        String venture = "Weavers " + tag;
        long ventureId = IncubationData.venture(call, memberId, venture, "finance", "english", "Dakar", false);
        for (long m : List.of(mentorId, secondId, outsiderId)) {
            IncubationData.mentor(m, "finance", "english,french", "Dakar", "BOTH", 3);
        }
        for (long m : List.of(mentorId, secondId)) {
            IntakeData.execute("""
                    insert into mentor_assignment (venture_id, mentor_id, status, starts_on, ends_on, offered_at, answered_at)
                    values (?, ?, 'ACTIVE', current_date - 10, current_date + 170, now(), now())""", ventureId, m);
        }
        String canvas = "Canvas " + tag;
        template(call, 1, canvas, "Canevas " + tag, 14, """
                {"criteria": [{"key": "evidence", "max": 4, "label": {"en": "Evidence", "fr": "Preuves"}},
                              {"key": "members", "max": 4, "label": {"en": "Members", "fr": "Membres"}}],
                 "bands": [{"min": 0, "max": 4, "label": {"en": "not yet"}}, {"min": 5, "max": 8, "label": {"en": "reached"}}]}""");
        template(call, 2, "Assembly " + tag, "Assemblée " + tag, 90, "{\"criteria\": [], \"bands\": []}");

        // Staff apply the templates: two milestones, due from the first day of the mentoring; applying again adds nothing.
        try (Visitor staff = new Visitor()) {
            staff.signIn(DemoLogin.STAFF);
            HtmlPage plan = staff.open("/staff/plan.xhtml?venture=" + ventureId);
            assertNotNull(plan.getElementById("plan-empty"), plan.asNormalizedText());
            plan = click(plan, "apply:applyTemplates");
            assertTrue(messages(plan).contains("2 milestones were added from the templates."), messages(plan));
            assertEquals(2, plan.getByXPath("//ul[@id='plan']/li").size());
            plan = click(plan, "apply:applyTemplates");
            assertTrue(messages(plan).contains("Every template is already in the plan."), messages(plan));
            assertTrue(plan.getElementById("health").asNormalizedText().contains("2 on time"), plan.getElementById("health").asNormalizedText());
        }
        assertEquals(2L, Db.count("select count(*) from milestone where venture_id = ?", ventureId));
        assertEquals(1L, Db.count("select count(*) from milestone where venture_id = ? and due_on = current_date - 10 + 14", ventureId));
        long milestone = Db.count("select m.id from milestone m join milestone_template t on t.id = m.template_id where m.venture_id = ? and t.position = 1",
                ventureId);

        // The member submits text and a link (a script link refused first, nothing written).
        try (Visitor v = new Visitor()) {
            v.open("/venture/milestones.xhtml");
            HtmlPage page = v.submitKeycloakLogin(member, TestPeople.PASSWORD);
            page = submitEvidence(page, milestone, "We drew the canvas together", "javascript:alert(1)");
            assertTrue(messages(page).contains("This is not a web address starting with http:// or https://: javascript:alert(1)"), messages(page));
            assertEquals(0L, Db.count("select count(*) from milestone_submission where milestone_id = ?", milestone));
            page = submitEvidence(page, milestone, "We drew the canvas together", "https://example.org/canvas.jpg");
            assertTrue(messages(page).contains("Your evidence is sent."), messages(page));
            assertEquals("SUBMITTED", item(page, milestone).getAttribute("data-status"));
        }
        new Mailbox(KeycloakAdmin.emailOf(mentor)).await(mail -> mail.subject().equals("Nouvelles preuves de " + venture + " : Canevas " + tag),
                1, Duration.ofSeconds(30));
        new Mailbox(KeycloakAdmin.emailOf(second)).await(mail -> mail.subject().equals("New evidence from " + venture + ": " + canvas),
                1, Duration.ofSeconds(30));

        // The mentor finds it in their queue and asks for a revision: what to change is required.
        try (Visitor m = new Visitor()) {
            m.open("/mentor/queue.xhtml");
            HtmlPage queue = m.submitKeycloakLogin(mentor, TestPeople.PASSWORD);
            HtmlPage grade = clickAt(queue, "//ol[@id='queue']/li[@data-milestone='" + milestone + "']/a");
            fillRubric(grade, "3", "1", "REVISION_REQUESTED", "");
            HtmlPage refused = click(grade, "grade:publish");
            assertTrue(messages(refused).contains("Dites ce qu'il faut changer quand vous demandez une révision."), messages(refused));
            assertEquals(0L, Db.count("select count(*) from milestone_grade g join milestone_submission s on s.id = g.submission_id where s.milestone_id = ?",
                    milestone));
            fillRubric(refused, "3", "1", "REVISION_REQUESTED", "Show a photo of the canvas with the members");
            HtmlPage done = click(refused, "grade:publish");
            assertTrue(messages(done).contains("L'évaluation est publiée."), messages(done));
            assertEquals("REVISION_REQUESTED", done.getElementById("status").getAttribute("data-status"));
        }
        new Mailbox(KeycloakAdmin.emailOf(member)).await(mail -> mail.subject().equals("The grade for " + canvas + ": revision requested"),
                1, Duration.ofSeconds(30));

        // The member sees what to change and resubmits.
        try (Visitor v = new Visitor()) {
            v.open("/venture/milestones.xhtml?venture=" + ventureId);
            HtmlPage page = v.submitKeycloakLogin(member, TestPeople.PASSWORD);
            assertTrue(page.getElementById("to-act-on").asNormalizedText().contains("Show a photo of the canvas with the members"));
            page = submitEvidence(page, milestone, "Here is the photo", "https://example.org/canvas-members.jpg");
            assertTrue(messages(page).contains("Your evidence is sent."), messages(page));
        }

        // Both assigned mentors open the grading form at once; the first passes it, the second is told and nothing is overwritten.
        try (Visitor first = new Visitor(); Visitor other = new Visitor()) {
            first.open("/mentor/grade.xhtml?milestone=" + milestone);
            HtmlPage mine = first.submitKeycloakLogin(mentor, TestPeople.PASSWORD);
            other.open("/mentor/grade.xhtml?milestone=" + milestone);
            HtmlPage theirs = other.submitKeycloakLogin(second, TestPeople.PASSWORD);
            fillRubric(mine, "4", "3", "PASSED", "");
            fillRubric(theirs, "1", "1", "REVISION_REQUESTED", "Everything again");
            HtmlPage passed = click(mine, "grade:publish");
            assertTrue(messages(passed).contains("L'évaluation est publiée."), messages(passed));
            HtmlPage late = click(theirs, "grade:publish");
            assertTrue(messages(late).contains("Someone changed this milestone meanwhile"), messages(late));
            assertEquals(200, late.getWebResponse().getStatusCode());
        }
        assertEquals("PASSED", Db.text("select status from milestone where id = ?", milestone));
        assertEquals(2L, Db.count("select count(*) from milestone_grade g join milestone_submission s on s.id = g.submission_id where s.milestone_id = ?",
                milestone), "One grade per submission, the late one not written");

        // The mentor corrects the grade with a reason: a new version; the first is kept.
        try (Visitor m = new Visitor()) {
            m.open("/mentor/grade.xhtml?milestone=" + milestone);
            HtmlPage grade = m.submitKeycloakLogin(mentor, TestPeople.PASSWORD);
            HtmlPage correcting = click(grade, "correct-link");
            assertEquals("4", scoreInput(correcting, "evidence").getValue(), "The form holds the grade being corrected");
            scoreInput(correcting, "members").setValue("2");
            HtmlPage noReason = click(correcting, "grade:publish");
            assertTrue(messages(noReason).contains("Dites pourquoi vous corrigez l'évaluation."), messages(noReason));
            noReason.<HtmlTextArea>getHtmlElementById("grade:reason").setText("Only two members were in the photo");
            HtmlPage corrected = click(noReason, "grade:publish");
            assertTrue(messages(corrected).contains("La correction est publiée comme nouvelle version"), messages(corrected));
        }
        assertEquals("1:PASSED:7:|2:PASSED:6:Only two members were in the photo", Db.text("""
                select string_agg(g.version || ':' || g.outcome || ':' || ((g.scores ->> 'evidence')::int + (g.scores ->> 'members')::int) || ':'
                                  || coalesce(g.correction_reason, ''), '|' order by g.version)
                from milestone_grade g join milestone_submission s on s.id = g.submission_id where s.milestone_id = ? and s.number = 2""", milestone));
        new Mailbox(KeycloakAdmin.emailOf(member)).await(mail -> mail.subject().equals(canvas + ": the grade was corrected")
                && mail.text().contains("Only two members were in the photo"), 1, Duration.ofSeconds(30));

        // The member sees the whole history: both submissions, and both versions of the last grade with the reason.
        try (Visitor v = new Visitor()) {
            v.open("/venture/milestones.xhtml");
            HtmlPage page = v.submitKeycloakLogin(member, TestPeople.PASSWORD);
            HtmlElement item = item(page, milestone);
            assertEquals("PASSED", item.getAttribute("data-status"));
            assertEquals(2, item.getByXPath(".//li[@data-submission]").size());
            HtmlElement latest = item.getFirstByXPath(".//li[@data-submission='2']");
            assertEquals(2, latest.getByXPath(".//div[@data-version]").size());
            String history = latest.asNormalizedText();
            assertTrue(history.contains("corrected later") && history.contains("Only two members were in the photo"), history);
            assertNull(item.getFirstByXPath(".//textarea"), "A passed milestone takes no more evidence");
        }

        // Not assigned: 404 for the mentor; another venture's member: 404; odd ids: 404; a read-only history once the mentoring ended.
        try (Visitor m = new Visitor()) {
            m.open("/mentor/grade.xhtml?milestone=" + milestone);
            m.submitKeycloakLogin(outsider, TestPeople.PASSWORD);
            assertEquals(404, m.status());
            for (String odd : List.of("/mentor/grade.xhtml?milestone=abc", "/mentor/grade.xhtml?milestone=-1", "/mentor/grade.xhtml",
                    "/mentor/grade.xhtml?milestone=99999999999")) {
                m.open(odd);
                assertEquals(404, m.status(), odd);
            }
            HtmlPage queue = m.open("/mentor/queue.xhtml");
            assertNotNull(queue.getElementById("queue-empty"));
        }
        String stranger = people.create("en", "entrepreneur");
        IncubationData.venture(call, personId(stranger), "Other " + tag, "", "", null, false);
        try (Visitor v = new Visitor()) {
            v.open("/venture/milestones.xhtml?venture=" + ventureId);
            v.submitKeycloakLogin(stranger, TestPeople.PASSWORD);
            assertEquals(404, v.status());
        }
        IntakeData.execute("update mentor_assignment set status = 'ENDED', ended_at = now() where venture_id = ? and mentor_id = ?", ventureId, secondId);
        try (Visitor m = new Visitor()) {
            m.open("/mentor/grade.xhtml?milestone=" + milestone);
            HtmlPage readOnly = m.submitKeycloakLogin(second, TestPeople.PASSWORD);
            assertEquals(200, m.status());
            assertNotNull(readOnly.getElementById("read-only"));
            assertNull(readOnly.getElementById("correct-link"));
        }

        // Staff move the other milestone with a reason and drop it with one; the database refuses evidence for it afterwards.
        long assembly = Db.count("select m.id from milestone m join milestone_template t on t.id = m.template_id where m.venture_id = ? and t.position = 2",
                ventureId);
        try (Visitor staff = new Visitor()) {
            staff.signIn(DemoLogin.STAFF);
            HtmlPage asking = staff.open("/staff/plan.xhtml?venture=" + ventureId + "&drop=" + assembly);
            HtmlPage refused = clickAt(asking, "//li[@data-milestone='" + assembly + "']//input[contains(@id,'dropButton')]");
            assertTrue(messages(refused).contains("Please give a reason."), messages(refused));
            refused.<HtmlTextArea>getFirstByXPath("//li[@data-milestone='" + assembly + "']//textarea").setText("Held already in March");
            HtmlPage dropped = clickAt(refused, "//li[@data-milestone='" + assembly + "']//input[contains(@id,'dropButton')]");
            assertTrue(messages(dropped).contains("The milestone is dropped"), messages(dropped));
        }
        assertEquals("DROPPED:Held already in March", Db.text("select status || ':' || reason from milestone where id = ?", assembly));
        assertEquals(1L, Db.count("select count(*) from audit_entry where action = 'milestone.drop' and detail like ?", "milestone " + assembly + ":%"));
    }

    private static long personId(String username) throws Exception {
        return Db.count("select id from person where username = ?", username);
    }

    private static void template(long call, int position, String en, String fr, int offset, String rubric) throws Exception {
        IntakeData.execute("""
                insert into milestone_template (call_id, position, title, description, expected_evidence, due_offset_days, rubric)
                values (?, ?, jsonb_build_object('en', ?::text, 'fr', ?::text), '{"en": "What it is"}', '{"en": "A photo"}', ?, ?::jsonb)""",
                call, position, en, fr, offset, rubric);
    }

    private static HtmlElement item(HtmlPage page, long milestone) {
        HtmlElement item = page.getFirstByXPath("//ul[@id='plan']/li[@data-milestone='" + milestone + "']");
        assertNotNull(item, page.asNormalizedText());
        return item;
    }

    private static HtmlPage submitEvidence(HtmlPage page, long milestone, String text, String links) throws Exception {
        HtmlElement item = item(page, milestone);
        item.<HtmlTextArea>getFirstByXPath(".//textarea[contains(@id,'evidence:text')]").setText(text);
        item.<HtmlTextArea>getFirstByXPath(".//textarea[contains(@id,'evidence:links')]").setText(links);
        return item.<HtmlElement>getFirstByXPath(".//input[contains(@id,'evidence:send')]").click();
    }

    private static HtmlInput scoreInput(HtmlPage page, String criterion) {
        return page.getFirstByXPath("//fieldset[@data-criterion='" + criterion + "']//input[contains(@id,'score')]");
    }

    private static void fillRubric(HtmlPage page, String evidence, String members, String outcome, String whatToChange) {
        scoreInput(page, "evidence").setValue(evidence);
        scoreInput(page, "members").setValue(members);
        page.<HtmlRadioButtonInput>getFirstByXPath("//input[@type='radio' and @value='" + outcome + "']").setChecked(true);
        page.<HtmlTextArea>getHtmlElementById("grade:whatToChange").setText(whatToChange);
    }
}
