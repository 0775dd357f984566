package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.htmlunit.html.HtmlTextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An applicant applies through the real form: a refused submission says what is missing next to
 * each field and keeps everything; a draft comes back; a double submit gives one application and
 * one receipt; a closed call takes nothing; withdrawing asks first.
 */
class ApplyIT {

    private String username;

    @AfterEach
    void removeUser() throws Exception {
        var admin = new KeycloakAdmin();
        if (username != null && admin.exists(username)) {
            admin.deleteUser(admin.userId(username));
        }
    }

    private static long call(String closes) throws Exception {
        try (Connection db = Db.connect();
                PreparedStatement s = db.prepareStatement("""
                        insert into programme_call (title, summary, opens_at, closes_at, time_zone)
                        values ('{"en": "Repair cafés call"}', '{"en": "x"}', now() - interval '5 days', now() + cast(? as interval), 'UTC')
                        returning id""")) {
            s.setString(1, closes);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                long id = r.getLong(1);
                try (var q = db.createStatement()) {
                    q.execute("insert into call_question (call_id, position, kind, label, required, max_length) values "
                            + "(" + id + ", 1, 'LONG_TEXT', '{\"en\": \"What do you repair?\"}', true, 200),"
                            + "(" + id + ", 2, 'NUMBER', '{\"en\": \"How many members?\"}', true, null)");
                }
                return id;
            }
        }
    }

    private Visitor signedInApplicant() throws Exception {
        username = KeycloakAdmin.randomUsername();
        new KeycloakAdmin().createUser(username, "a-long-passphrase-1", "en");
        Visitor visitor = new Visitor();
        visitor.open("/me/");
        visitor.submitKeycloakLogin(username, "a-long-passphrase-1");
        return visitor;
    }

    private static List<HtmlElement> questions(HtmlPage page) {
        return page.getByXPath("//div[contains(@class,'question')]");
    }

    private static String errors(HtmlPage page) {
        return page.<HtmlElement>getByXPath("//*[contains(@class,'field-error')]").stream()
                .map(HtmlElement::getTextContent).toList().toString();
    }

    @Test
    void aCollectiveAppliesFromDraftToReceiptOnce() throws Exception {
        long call = call("10 days");
        try (Visitor visitor = signedInApplicant()) {
            HtmlPage form = visitor.open("/me/apply.xhtml?call=" + call);
            form.<HtmlRadioButtonInput>getFirstByXPath("//input[@type='radio' and @value='COLLECTIVE']").setChecked(true);
            form.<HtmlInput>getHtmlElementById("apply:name").setValue("Repair Café Kampung");
            List<HtmlInput> names = form.getByXPath("//input[contains(@id,'memberName')]");
            names.get(0).setValue("Ratna");
            form.<HtmlElement>getFirstByXPath("(//input[contains(@id,'consent')])[1]").click();

            HtmlPage refused = form.<HtmlElement>getHtmlElementById("apply:submit").click();
            String problems = errors(refused);
            assertTrue(problems.contains("at least two members"), problems);
            assertTrue(problems.contains("Please answer this question"), problems);
            assertEquals("Repair Café Kampung", refused.<HtmlInput>getHtmlElementById("apply:name").getValue(), "Nothing typed is lost");
            assertNull(Db.value("select stage from application a join person p on p.id = a.applicant_id where p.username = ?", username),
                    "Kept as a draft, not submitted");

            // Leave and come back: the draft is there.
            HtmlPage again = visitor.open("/me/apply.xhtml?call=" + call);
            assertEquals("Repair Café Kampung", again.<HtmlInput>getHtmlElementById("apply:name").getValue());
            assertEquals("Ratna", again.<HtmlInput>getFirstByXPath("//input[contains(@id,'memberName')]").getValue());

            List<HtmlInput> memberNames = again.getByXPath("//input[contains(@id,'memberName')]");
            memberNames.get(1).setValue("Budi");
            List<HtmlCheckBoxInput> consents = again.getByXPath("//input[contains(@id,'consent')]");
            consents.get(1).setChecked(true);
            List<HtmlElement> qs = questions(again);
            qs.get(0).<HtmlTextArea>getFirstByXPath(".//textarea").setText("Phones, fans and rice cookers");
            qs.get(1).<HtmlInput>getFirstByXPath(".//input").setValue("7");
            HtmlPage mine = again.<HtmlElement>getHtmlElementById("apply:submit").click();
            assertTrue(mine.getUrl().toString().endsWith("/me/applications.xhtml"), mine.getUrl().toString());
            String receipt = (String) Db.value("select receipt from application a join person p on p.id = a.applicant_id where p.username = ?", username);
            assertNotNull(receipt);
            assertTrue(mine.asNormalizedText().contains(receipt), "The receipt is shown");

            // The same form posted again (a double click, a retry on a slow link): one application, one receipt.
            HtmlPage twice = again.<HtmlElement>getHtmlElementById("apply:submit").click();
            assertTrue(twice.asNormalizedText().contains(receipt), twice.asNormalizedText());
        }
        assertEquals(1, Db.count("select count(*) from application a join person p on p.id = a.applicant_id where p.username = ?", username));
        assertEquals(1, Db.count("select count(*) from stage_change c join application a on a.id = c.application_id "
                + "join person p on p.id = a.applicant_id where p.username = ?", username));
        assertEquals(2, Db.count("select count(*) from application_member m join application a on a.id = m.application_id "
                + "join person p on p.id = a.applicant_id where p.username = ? and m.consent_at is not null", username));
    }

    @Test
    void withdrawingAsksFirstAndIsRecorded() throws Exception {
        long call = call("10 days");
        try (Visitor visitor = signedInApplicant()) {
            HtmlPage form = visitor.open("/me/apply.xhtml?call=" + call);
            form.<HtmlInput>getHtmlElementById("apply:name").setValue("Solo Tailor");
            List<HtmlElement> qs = questions(form);
            qs.get(0).<HtmlTextArea>getFirstByXPath(".//textarea").setText("Clothes");
            qs.get(1).<HtmlInput>getFirstByXPath(".//input").setValue("1");
            HtmlPage mine = form.<HtmlElement>getHtmlElementById("apply:submit").click();

            HtmlPage confirm = mine.<HtmlElement>getFirstByXPath("//a[contains(@class,'withdraw-link')]").click();
            assertTrue(confirm.asNormalizedText().contains("This cannot be undone"));
            assertEquals("SUBMITTED", Db.value("select stage from application a join person p on p.id = a.applicant_id where p.username = ?", username),
                    "Nothing happens before the confirmation");
            HtmlPage done = confirm.<HtmlElement>getFirstByXPath("//input[contains(@id,'withdrawButton')]").click();
            assertTrue(done.asNormalizedText().contains("withdrawn"));
        }
        assertEquals("WITHDRAWN", Db.value("select stage from application a join person p on p.id = a.applicant_id where p.username = ?", username));
    }

    @Test
    void aClosedCallTakesNothing() throws Exception {
        long closed = call("-1 days");
        try (Visitor visitor = signedInApplicant()) {
            HtmlPage page = visitor.open("/me/apply.xhtml?call=" + closed);
            assertNotNull(page.getElementById("apply-closed"));
            assertNull(page.getElementById("apply"), "No form for a closed call");
        }
        assertEquals(0, Db.count("select count(*) from application where call_id = ?", closed));
    }
}
