package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hamkke.devstack.DemoLogin;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.html.HtmlTextArea;
import org.junit.jupiter.api.Test;

/**
 * Staff build a call through the real editor: texts in two languages, a CHOICE question with
 * translated options and a FILE question, the default rubric; a refused save keeps what was typed;
 * editing reorders questions; removing an answered question needs confirming; two staff on one
 * call: the second is told and keeps their text. Applicants cannot open the editor.
 */
class CallEditorIT {

    @org.junit.jupiter.api.extension.RegisterExtension
    final TestPeople people = new TestPeople();

    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private static HtmlInput input(HtmlPage page, String xpath) {
        HtmlInput input = page.getFirstByXPath(xpath);
        assertNotNull(input, () -> "No " + xpath + " in " + page.asNormalizedText());
        return input;
    }

    private static HtmlTextArea textarea(HtmlPage page, String xpath) {
        HtmlTextArea area = page.getFirstByXPath(xpath);
        assertNotNull(area, () -> "No " + xpath + " in " + page.asNormalizedText());
        return area;
    }

    private static String row(int index) {
        return "//div[contains(@class,'question-row') and @data-row='" + index + "']";
    }

    private static HtmlPage click(HtmlPage page, String id) throws Exception {
        return page.<HtmlElement>getHtmlElementById(id).click();
    }

    private static HtmlPage clickIn(HtmlPage page, String xpath) throws Exception {
        HtmlElement button = page.getFirstByXPath(xpath);
        assertNotNull(button, () -> "No " + xpath);
        return button.click();
    }

    @Test
    void staffCreateACallWithItsFormAndRubricThenEditIt() throws Exception {
        String title = "Coastal cooperatives " + UUID.randomUUID().toString().substring(0, 8);
        LocalDateTime opens = LocalDateTime.now().plusDays(30).truncatedTo(ChronoUnit.HOURS);
        long callId;
        try (Visitor staff = new Visitor()) {
            staff.open("/staff/calls.xhtml");
            HtmlPage list = staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            assertEquals(200, staff.status());
            HtmlPage editor = click(list, "new-call");

            input(editor, "//input[@id='call:title:en']").setValue(title);
            input(editor, "//input[@lang='fr' and starts-with(@id,'call:title:')]").setValue("Coopératives du littoral");
            textarea(editor, "//textarea[@id='call:summary:enLong']").setText("For fishing and seaweed cooperatives.");
            input(editor, "//input[@id='call:opensAt']").setValue(TYPED.format(opens));
            input(editor, "//input[@id='call:closesAt']").setValue(TYPED.format(opens.minusDays(1)));
            input(editor, "//input[@id='call:timeZone']").setValue("Asia/Manila");
            input(editor, "//input[@id='call:maxVentures']").setValue("12");

            editor = click(editor, "call:addQuestion");
            editor = click(editor, "call:addQuestion");
            editor.<HtmlSelect>getFirstByXPath(row(0) + "//select[contains(@id,':kind')]").setSelectedAttribute("CHOICE", true);
            input(editor, row(0) + "//input[@lang='en' and contains(@id,':label:')]").setValue("Where do you mostly work?");
            input(editor, row(0) + "//input[@lang='fr' and contains(@id,':label:')]").setValue("Où travaillez-vous surtout ?");
            textarea(editor, row(0) + "//textarea[contains(@id,':choicesEn')]").setText("At home\nIn a workshop\nAt the market");
            textarea(editor, row(0) + "//textarea[@lang='fr' and contains(@id,':choices')]").setText("À domicile\nDans un atelier\nAu marché");
            editor.<HtmlSelect>getFirstByXPath(row(1) + "//select[contains(@id,':kind')]").setSelectedAttribute("FILE", true);
            input(editor, row(1) + "//input[@lang='en' and contains(@id,':label:')]").setValue("Your latest accounts");
            editor = click(editor, "call:defaultRubric");
            assertEquals(6, editor.getByXPath("//div[contains(@class,'criterion-row')]").size());

            HtmlPage refused = click(editor, "call:save");
            assertEquals(200, refused.getWebResponse().getStatusCode(), "A refusal is the page again, not an error page");
            assertTrue(refused.asNormalizedText().contains("The call must close after it opens."), refused.asNormalizedText());
            assertEquals(title, input(refused, "//input[@id='call:title:en']").getValue(), "What was typed is kept");
            assertEquals("À domicile\nDans un atelier\nAu marché",
                    textarea(refused, row(0) + "//textarea[@lang='fr' and contains(@id,':choices')]").getText());
            assertEquals(0, Db.count("select count(*) from programme_call where title ->> 'en' = ?", title), "Nothing saved");

            input(refused, "//input[@id='call:closesAt']").setValue(TYPED.format(opens.plusDays(30)));
            HtmlPage saved = click(refused, "call:save");
            assertTrue(saved.asNormalizedText().contains("Call created: " + title), saved.asNormalizedText());
            callId = Long.parseLong(saved.getUrl().getQuery().replaceAll(".*id=(\\d+).*", "$1"));

            assertEquals("Coopératives du littoral", Db.value("select title ->> 'fr' from programme_call where id = ?", callId));
            assertEquals(true, Db.value("select opens_at = ? from programme_call where id = ?",
                    java.sql.Timestamp.from(opens.atZone(ZoneId.of("Asia/Manila")).toInstant()), callId), "Opens in Manila time");
            assertEquals("Asia/Manila", Db.value("select time_zone from programme_call where id = ?", callId));
            assertEquals(12, ((Number) Db.value("select max_ventures from programme_call where id = ?", callId)).intValue());
            assertEquals("CHOICE FILE", Db.value("select string_agg(kind, ' ' order by position) from call_question where call_id = ?", callId));
            assertEquals("À domicile", Db.value(
                    "select choices -> 0 -> 'label' ->> 'fr' from call_question where call_id = ? and kind = 'CHOICE'", callId));
            assertEquals("at-home in-a-workshop at-the-market", Db.value("""
                    select string_agg(c ->> 'value', ' ') from call_question q, jsonb_array_elements(q.choices) c
                    where q.call_id = ? and q.kind = 'CHOICE'""", callId));
            assertEquals(6, Db.count("select count(*) from rubric_criterion where call_id = ?", callId));
            assertEquals(100, Db.count("select sum(weight)::bigint from rubric_criterion where call_id = ?", callId));
            assertEquals("Capacité de l'équipe", Db.value("select label ->> 'fr' from rubric_criterion where call_id = ? and key = 'team'", callId));
            assertEquals(1, Db.count("select count(*) from audit_entry where action = 'call.create' and object_id = ?", String.valueOf(callId)));

            // Editing: a new title and the FILE question moved first; the call's version moves by one.
            long createdVersion = Db.count("select version from programme_call where id = ?", callId);
            input(saved, "//input[@id='call:title:en']").setValue(title + " (edited)");
            HtmlPage moved = clickIn(saved, row(1) + "//input[@type='submit' and contains(@id,':up')]");
            HtmlPage edited = click(moved, "call:save");
            assertTrue(edited.asNormalizedText().contains("Call saved: " + title + " (edited)"), edited.asNormalizedText());
            assertEquals("FILE CHOICE", Db.value("select string_agg(kind, ' ' order by position) from call_question where call_id = ?", callId));
            assertEquals(createdVersion + 1, Db.count("select version from programme_call where id = ?", callId));
            assertEquals(1, Db.count("select count(*) from audit_entry where action = 'call.update' and object_id = ?", String.valueOf(callId)));

            // The list shows it, upcoming, with the way to its pipeline.
            HtmlPage calls = staff.open("/staff/calls.xhtml");
            assertNotNull(calls.getFirstByXPath("//tr[@data-call='" + callId + "']//span[@data-status='UPCOMING']"), calls.asNormalizedText());
            assertNotNull(calls.getFirstByXPath("//tr[@data-call='" + callId + "']//a[contains(@href,'applications.xhtml?call=" + callId + "')]"));
        }
        removingAnAnsweredQuestionNeedsConfirming(callId);
        theSecondOfTwoStaffIsToldAndKeepsWhatTheyTyped(callId);
    }

    private void removingAnAnsweredQuestionNeedsConfirming(long callId) throws Exception {
        long question = Db.count("select id from call_question where call_id = ? and kind = 'CHOICE'", callId);
        try (var db = Db.connect(); var s = db.prepareStatement("""
                insert into application (call_id, applicant_id, name, answers, created_at, updated_at)
                select ?, id, 'Seaweed sisters', jsonb_build_object(?::text, 'at-home'), now(), now() from person where username = 'staff'""")) {
            s.setLong(1, callId);
            s.setString(2, String.valueOf(question));
            s.executeUpdate();
        }
        try (Visitor staff = new Visitor()) {
            staff.open("/staff/call.xhtml?id=" + callId);
            HtmlPage editor = staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            HtmlPage marked = clickIn(editor, row(1) + "//input[@type='submit' and contains(@id,':remove')]");
            HtmlPage refused = click(marked, "call:save");
            assertTrue(refused.asNormalizedText().contains("1 applications answered this question"), refused.asNormalizedText());
            assertEquals(2, Db.count("select count(*) from call_question where call_id = ? and removed_at is null", callId),
                    "Not removed unconfirmed");

            refused.<HtmlCheckBoxInput>getFirstByXPath(row(1) + "//input[@type='checkbox' and contains(@id,':confirmRemoval')]").setChecked(true);
            HtmlPage saved = click(refused, "call:save");
            assertTrue(saved.asNormalizedText().contains("Call saved"), saved.asNormalizedText());
        }
        assertEquals("FILE", Db.value("select string_agg(kind, ' ') from call_question where call_id = ? and removed_at is null", callId));
        assertEquals(1, Db.count("select count(*) from call_question where id = ? and removed_at is not null", question),
                "Marked removed, not deleted");
        assertEquals("at-home", Db.value("select answers ->> ? from application where call_id = ?", String.valueOf(question), callId),
                "The answer itself stays in the application");
    }

    private void theSecondOfTwoStaffIsToldAndKeepsWhatTheyTyped(long callId) throws Exception {
        String url = "/staff/call.xhtml?id=" + callId;
        try (Visitor first = new Visitor(); Visitor second = new Visitor()) {
            first.open(url);
            HtmlPage firstPage = first.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            second.open(url);
            HtmlPage secondPage = second.submitKeycloakLogin(DemoLogin.ADMIN.username(), DemoLogin.ADMIN.password());

            textarea(firstPage, "//textarea[@id='call:summary:enLong']").setText("First edit.");
            click(firstPage, "call:save");
            textarea(secondPage, "//textarea[@id='call:summary:enLong']").setText("Second edit, typed with care.");
            HtmlPage told = click(secondPage, "call:save");

            assertTrue(told.asNormalizedText().contains("Someone else saved this call"), told.asNormalizedText());
            assertEquals("Second edit, typed with care.", textarea(told, "//textarea[@id='call:summary:enLong']").getText());
        }
        assertEquals("First edit.", Db.value("select summary ->> 'en' from programme_call where id = ?", callId));
    }

    /**
     * Removing a FILE question from a call that has submitted applications deletes nobody's file or
     * answer: the question is marked removed, new applicants no longer see it (nor need to answer
     * it), and the application submitted before still shows it, marked, with its file to download.
     */
    @Test
    void removingAFileQuestionKeepsEveryonesFilesAndAnswers() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long call = IntakeData.call("File removal call " + tag, false);
        long what = IntakeData.question(call, 1, "LONG_TEXT", "What do you grow?", true);
        long budget = IntakeData.question(call, 2, "FILE", "Your budget " + tag, true);
        byte[] pdf = "%PDF-1.4\n% budget\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        long application = IntakeData.application(call, IntakeData.person("Grower " + tag, null, ""), "Rice Growers " + tag,
                "SUBMITTED", 30);
        IntakeData.answer(application, what, "Heirloom rice");
        long file = IntakeData.file(application, budget, "rice-budget.pdf", "application/pdf", pdf);

        try (Visitor staff = new Visitor()) {
            staff.open("/staff/call.xhtml?id=" + call);
            HtmlPage editor = staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            HtmlPage marked = clickIn(editor, row(1) + "//input[@type='submit' and contains(@id,':remove')]");
            HtmlPage refused = click(marked, "call:save");
            assertTrue(refused.asNormalizedText().contains("1 applications answered this question"),
                    "A file is an answer too: " + refused.asNormalizedText());
            refused.<HtmlCheckBoxInput>getFirstByXPath(row(1) + "//input[@type='checkbox' and contains(@id,':confirmRemoval')]")
                    .setChecked(true);
            HtmlPage saved = click(refused, "call:save");
            assertTrue(saved.asNormalizedText().contains("Call saved"), saved.asNormalizedText());
            assertTrue(!saved.asNormalizedText().contains("Your budget " + tag), "Gone from the editor");

            HtmlPage read = staff.open("/staff/application.xhtml?id=" + application);
            String files = read.getElementById("files").asNormalizedText();
            assertTrue(files.contains("Your budget " + tag + " (removed from the form after this application was submitted)"), files);
            assertTrue(files.contains("rice-budget.pdf"), files);
            assertTrue(read.getElementById("answers").asNormalizedText().contains("Heirloom rice"));
            var download = staff.openRaw(TestStack.portalUrl() + "/files/attachment?id=" + file).getWebResponse();
            assertEquals(200, download.getStatusCode());
            assertArrayEquals(pdf, download.getContentAsStream().readAllBytes(), "The file itself is kept");
        }
        assertEquals(1, Db.count("select count(*) from application_file where id = ?", file));
        assertEquals(1, Db.count("select count(*) from call_question where id = ? and removed_at is not null", budget));

        // A new applicant is not asked for it, and can submit without it although it was required.
        try (Visitor applicant = new Visitor()) {
            applicant.open("/me/apply.xhtml?call=" + call);
            HtmlPage who = applicant.submitKeycloakLogin(people.create("en"), TestPeople.PASSWORD);
            who.<HtmlInput>getHtmlElementById("apply:name").setValue("Late Growers " + tag);
            HtmlPage questions = click(who, "apply:next");
            assertTrue(!questions.asNormalizedText().contains("Your budget " + tag), questions.asNormalizedText());
            questions.<HtmlTextArea>getFirstByXPath("//textarea").setText("Mushrooms");
            HtmlPage review = click(questions, "apply:next");
            assertNotNull(review.getElementById("ready"), review.asNormalizedText());
            click(review, "apply:submit");
        }
        assertEquals(2, Db.count("select count(*) from application where call_id = ? and stage = 'SUBMITTED'", call));
    }

    @Test
    void applicantsCannotOpenTheEditor() throws Exception {
        try (Visitor applicant = new Visitor()) {
            applicant.signIn(DemoLogin.APPLICANT);
            applicant.open("/staff/call.xhtml");
            assertEquals(403, applicant.status());
            applicant.open("/staff/calls.xhtml");
            assertEquals(403, applicant.status());
        }
    }
}
