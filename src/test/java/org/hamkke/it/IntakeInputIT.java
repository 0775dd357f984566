package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamkke.devstack.DemoLogin;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.html.HtmlTextArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Whatever is typed or put in an address, the answer is a page a person can read: a text with a
 * character the database refuses (NUL) or longer than its field is a message in the person's
 * language next to what they typed, which stays on the page; an id that is no id, or names
 * nothing, is the "not found" page. Never "temporarily unavailable", never an error page.
 */
class IntakeInputIT {

    private static final String NUL = "\u0000";
    private static final String NOT_FOUND = "We could not find this page";
    private static final String UNSTORABLE = "This text contains a character that cannot be kept";

    @RegisterExtension
    final TestPeople people = new TestPeople();

    @Test
    void anIdThatIsNoneOrNamesNothingIsTheNotFoundPage() throws Exception {
        List<String> odd = List.of("abc", "-1", "0", "99999999999999999999", "1e3", "", "999999999");
        Map<DemoLogin, List<String>> pages = Map.of(
                DemoLogin.APPLICANT, List.of("/me/apply.xhtml?call="),
                DemoLogin.STAFF, List.of("/staff/applications.xhtml?call=", "/staff/application.xhtml?id=", "/staff/call.xhtml?id=",
                        "/files/attachment?id="),
                DemoLogin.REVIEWER, List.of("/reviewer/review.xhtml?application="));
        for (var role : pages.entrySet()) {
            try (Visitor visitor = new Visitor()) {
                visitor.signIn(role.getKey());
                for (String page : role.getValue()) {
                    for (String value : odd) {
                        HtmlPage shown = visitor.open(page + value);
                        assertEquals(404, visitor.status(), role.getKey() + " on " + page + value);
                        // The "not found" page in the person's language (the demo applicant reads Arabic).
                        assertEquals("error.notFound", shown.getElementById("error").getAttribute("data-error"),
                                page + value + ": " + shown.asNormalizedText());
                    }
                }
                if (role.getKey() == DemoLogin.STAFF) {
                    HtmlPage none = visitor.open("/me/apply.xhtml");
                    assertEquals(404, visitor.status(), "The form of no call at all");
                    assertTrue(none.asNormalizedText().contains(NOT_FOUND), none.asNormalizedText());
                }
            }
        }
    }

    @Test
    void aNulInAnAnswerIsAMessageNextToItAndTheRestIsKept() throws Exception {
        long call = IntakeData.call("Input call " + UUID.randomUUID(), false);
        long what = IntakeData.question(call, 1, "LONG_TEXT", "What do you make?", true);
        IntakeData.question(call, 2, "SHORT_TEXT", "Where?", true);
        String applicant = people.create("en");
        try (Visitor v = new Visitor()) {
            v.open("/me/apply.xhtml?call=" + call);
            HtmlPage who = v.submitKeycloakLogin(applicant, TestPeople.PASSWORD);
            HtmlInput name = who.getHtmlElementById("apply:name");
            name.removeAttribute("maxlength");
            name.setValue("N".repeat(201));
            HtmlPage tooLong = who.<HtmlElement>getHtmlElementById("apply:next").click();
            assertEquals(200, v.status());
            assertTrue(tooLong.asNormalizedText().contains("This text is too long: at most 200 characters."), tooLong.asNormalizedText());
            assertEquals(0, Db.count("select count(*) from application where call_id = ?", call), "Nothing stored");

            tooLong.<HtmlInput>getHtmlElementById("apply:name").setValue("Night Weavers");
            HtmlPage questions = tooLong.<HtmlElement>getHtmlElementById("apply:next").click();
            List<HtmlElement> fields = questions.getByXPath("//div[contains(@class,'question')]");
            fields.get(0).<HtmlTextArea>getFirstByXPath(".//textarea").setText("Baskets" + NUL + " and mats");
            fields.get(1).<HtmlInput>getFirstByXPath(".//input").setValue("Hanoi");
            HtmlPage refused = questions.<HtmlElement>getHtmlElementById("apply:saveDraft").click();
            assertEquals(200, v.status(), "A message, not an error page");
            List<HtmlElement> after = refused.getByXPath("//div[contains(@class,'question')]");
            assertTrue(after.get(0).asNormalizedText().contains(UNSTORABLE), after.get(0).asNormalizedText());
            assertEquals("Hanoi", after.get(1).<HtmlInput>getFirstByXPath(".//input").getValue(), "The rest of what was typed is kept");
            assertTrue(after.get(0).<HtmlTextArea>getFirstByXPath(".//textarea").getText().contains("and mats"));
            assertEquals("{}", String.valueOf(Db.value("select answers::text from application where call_id = ?", call)),
                    "Nothing of it was stored");

            // Through the page's automatic save too: its one line says why.
            refused.<HtmlTextArea>getFirstByXPath("//textarea").setText("Baskets" + NUL + " and mats");
            var autosave = refused.<HtmlElement>getHtmlElementById("apply:autosave").click().getWebResponse();
            assertEquals(409, autosave.getStatusCode());
            assertTrue(autosave.getContentAsString().contains(UNSTORABLE), autosave.getContentAsString());
        }
        assertEquals(0, Db.count("select count(*) from application where call_id = ? and jsonb_exists(answers, ?)", call,
                String.valueOf(what)));
    }

    @Test
    void aNulInAReviewCommentOrADecisionIsAMessageAndNothingIsLost() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long call = IntakeData.call("Comment call " + tag, true);
        IntakeData.criterion(call, "impact", "Social impact");
        String reviewer = people.create("en", "reviewer");
        long application = IntakeData.application(call, IntakeData.person("A " + tag, null, ""), "Comment Co-op " + tag, "IN_REVIEW", 5);
        IntakeData.assignment(application, Db.count("select id from person where username = ?", reviewer), "NONE");
        try (Visitor r = new Visitor()) {
            r.open("/reviewer/review.xhtml?application=" + application);
            HtmlPage sheet = r.submitKeycloakLogin(reviewer, TestPeople.PASSWORD);
            sheet.<HtmlSelect>getFirstByXPath("//fieldset[contains(@class,'criterion')]//select").setSelectedAttribute("4", true);
            sheet.<HtmlTextArea>getFirstByXPath("//textarea[contains(@id,'comment')]").setText("Strong" + NUL + " roots");
            HtmlPage refused = sheet.<HtmlElement>getHtmlElementById("score:saveDraft").click();
            assertEquals(200, r.status());
            assertTrue(refused.getElementById("messages").asNormalizedText().contains(UNSTORABLE), refused.asNormalizedText());
            assertEquals("4", refused.<HtmlSelect>getFirstByXPath("//fieldset[contains(@class,'criterion')]//select")
                    .getSelectedOptions().getFirst().getValueAttribute(), "The score chosen is kept");
            assertTrue(refused.<HtmlTextArea>getFirstByXPath("//textarea[contains(@id,'comment')]").getText().contains("roots"));
        }
        assertEquals(0, Db.count("select count(*) from review r join review_assignment ra on ra.id = r.assignment_id "
                + "where ra.application_id = ?", application));

        try (Visitor staff = new Visitor()) {
            staff.open("/staff/application.xhtml?id=" + application);
            HtmlPage page = staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            page.<HtmlSelect>getHtmlElementById("decide:to").setSelectedAttribute("REJECTED", true);
            page.<HtmlTextArea>getHtmlElementById("decide:reason").setText("Sorry" + NUL);
            HtmlPage refused = page.<HtmlElement>getHtmlElementById("decide:move").click();
            assertEquals(200, staff.status());
            assertTrue(refused.getElementById("messages").asNormalizedText().contains(UNSTORABLE), refused.asNormalizedText());

            HtmlPage editor = staff.open("/staff/call.xhtml?id=" + call);
            editor.<HtmlInput>getHtmlElementById("call:title:en").setValue("Comment call" + NUL);
            HtmlPage notSaved = editor.<HtmlElement>getHtmlElementById("call:save").click();
            assertEquals(200, staff.status());
            assertTrue(notSaved.getElementById("texts").asNormalizedText().contains(UNSTORABLE), notSaved.asNormalizedText());
        }
        assertEquals("IN_REVIEW", Db.value("select stage from application where id = ?", application));
        assertEquals("Comment call " + tag, Db.value("select title ->> 'en' from programme_call where id = ?", call));
    }
}
