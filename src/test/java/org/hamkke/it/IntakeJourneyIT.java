package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.hamkke.devstack.DemoLogin;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlFileInput;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlOption;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.html.HtmlTextArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole intake, through the real pages of the real stack: staff create a call with the editor;
 * a collective applies with a file; two reviewers score it, a third declares a conflict and is
 * then refused the application and its file; staff read the reviews, accept with a message; the
 * venture exists and the decision reaches the applicant's mailbox in her language.
 */
class IntakeJourneyIT {

    private static final String PASSWORD = TestPeople.PASSWORD;
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final byte[] PDF = "%PDF-1.4\n% budget 2027\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    @RegisterExtension
    final TestPeople people = new TestPeople();

    private static HtmlPage click(HtmlPage page, String id) throws Exception {
        return page.<HtmlElement>getHtmlElementById(id).click();
    }

    /** Assigns a reviewer by hand on the application's page (the option whose text ends with their username). */
    private static HtmlPage assign(Visitor staff, long application, String reviewer) throws Exception {
        HtmlPage page = staff.open("/staff/application.xhtml?id=" + application);
        HtmlSelect select = page.getHtmlElementById("assign:reviewer");
        HtmlOption option = select.getOptions().stream().filter(o -> o.getText().endsWith(reviewer)).findFirst().orElseThrow();
        select.setSelectedAttribute(option, true);
        return click(page, "assign:assignButton");
    }

    @Test
    void fromANewCallToAVenture() throws Exception {
        String title = "Home-based workers call " + UUID.randomUUID().toString().substring(0, 6);
        String applicant = people.create("fr");
        String fair = people.create("en", "reviewer");
        String second = people.create("en", "reviewer");
        String conflicted = people.create("en", "reviewer");

        // 1. Staff create the call, open from an hour ago, with a choice, a required file and the default rubric.
        long call;
        try (Visitor staff = new Visitor()) {
            staff.open("/staff/call.xhtml");
            HtmlPage editor = staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            editor.<HtmlInput>getHtmlElementById("call:title:en").setValue(title);
            editor.<HtmlTextArea>getHtmlElementById("call:summary:enLong").setText("For cooperatives of home-based workers.");
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            editor.<HtmlInput>getHtmlElementById("call:opensAt").setValue(TYPED.format(now.minusHours(1)));
            editor.<HtmlInput>getHtmlElementById("call:closesAt").setValue(TYPED.format(now.plusDays(20)));
            editor.<HtmlInput>getHtmlElementById("call:timeZone").setValue("UTC");
            editor = click(editor, "call:addQuestion");
            editor = click(editor, "call:addQuestion");
            String row0 = "//div[contains(@class,'question-row') and @data-row='0']";
            String row1 = "//div[contains(@class,'question-row') and @data-row='1']";
            editor.<HtmlSelect>getFirstByXPath(row0 + "//select[contains(@id,':kind')]").setSelectedAttribute("CHOICE", true);
            editor.<HtmlInput>getFirstByXPath(row0 + "//input[@lang='en' and contains(@id,':label:')]").setValue("Where do you work?");
            editor.<HtmlTextArea>getFirstByXPath(row0 + "//textarea[contains(@id,':choicesEn')]").setText("At home\nAt a market");
            editor.<HtmlTextArea>getFirstByXPath(row0 + "//textarea[@lang='fr' and contains(@id,':choices')]").setText("À domicile\nSur un marché");
            editor.<HtmlSelect>getFirstByXPath(row1 + "//select[contains(@id,':kind')]").setSelectedAttribute("FILE", true);
            editor.<HtmlInput>getFirstByXPath(row1 + "//input[@lang='en' and contains(@id,':label:')]").setValue("Your budget");
            editor = click(editor, "call:defaultRubric");
            HtmlPage saved = click(editor, "call:save");
            assertTrue(saved.asNormalizedText().contains("Call created"), saved.asNormalizedText());
            call = Long.parseLong(saved.getUrl().getQuery().replaceAll(".*id=(\\d+).*", "$1"));
        }

        // 2. A collective applies, in French, step by step, with its budget as a PDF.
        try (Visitor v = new Visitor("fr")) {
            v.open("/me/apply.xhtml?call=" + call);
            HtmlPage who = v.submitKeycloakLogin(applicant, PASSWORD);
            who.<HtmlRadioButtonInput>getFirstByXPath("//input[@type='radio' and @value='COLLECTIVE']").setChecked(true);
            who.<HtmlInput>getHtmlElementById("apply:name").setValue("Coopérative des brodeuses");
            HtmlPage members = click(who, "apply:next");
            List<HtmlInput> names = members.getByXPath("//input[contains(@id,'memberName')]");
            List<HtmlCheckBoxInput> consents = members.getByXPath("//input[contains(@id,'consent')]");
            names.get(0).setValue("Aïcha");
            names.get(1).setValue("Mariam");
            consents.get(0).setChecked(true);
            consents.get(1).setChecked(true);
            HtmlPage questions = click(members, "apply:next");
            assertTrue(questions.asNormalizedText().contains("À domicile"), "Options in the applicant's language");
            questions.<HtmlRadioButtonInput>getFirstByXPath("//input[@type='radio' and @value='at-home']").setChecked(true);
            Path budget = Files.write(Files.createTempDirectory("journey").resolve("budget.pdf"), PDF);
            questions.<HtmlFileInput>getFirstByXPath("//input[@type='file']").setFiles(budget.toFile());
            HtmlPage review = click(questions, "apply:next");
            assertNotNull(review.getElementById("ready"), review.asNormalizedText());
            HtmlPage mine = click(review, "apply:submit");
            assertTrue(mine.asNormalizedText().contains("HMK-" + call), mine.asNormalizedText());
        }
        long application = Db.count("select a.id from application a join person p on p.id = a.applicant_id where p.username = ?", applicant);
        long file = Db.count("select id from application_file where application_id = ?", application);

        // 3. Staff screen it, put it in review and assign three reviewers.
        try (Visitor staff = new Visitor()) {
            staff.open("/staff/applications.xhtml?call=" + call);
            staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            StaffTable table = new StaffTable(staff).open(call, "");
            table.move(application, "SCREENING", "Eligible");
            table.move(application, "IN_REVIEW", "");
            assertEquals("IN_REVIEW", Db.value("select stage from application where id = ?", application));
            assign(staff, application, fair);
            assign(staff, application, second);
            HtmlPage assigned = assign(staff, application, conflicted);
            assertTrue(assigned.getElementById("reviews").asNormalizedText().contains("not started"), assigned.asNormalizedText());
        }

        // 4. Two reviewers declare no conflict, read the file and score; the third declares a conflict.
        int[][] scores = {{5, 4, 5, 3, 4, 4}, {4, 4, 3, 3, 3, 5}};
        String[] scorers = {fair, second};
        for (int i = 0; i < 2; i++) {
            try (Visitor r = new Visitor()) {
                r.open("/reviewer/review.xhtml?application=" + application);
                HtmlPage declare = r.submitKeycloakLogin(scorers[i], PASSWORD);
                HtmlPage sheet = click(declare, "declare:none");
                assertTrue(sheet.asNormalizedText().contains("At home"), "The choice's label, not its value");
                assertEquals(200, r.openRaw(TestStack.portalUrl() + "/files/attachment?id=" + file).getWebResponse().getStatusCode());
                sheet = r.open("/reviewer/review.xhtml?application=" + application);
                List<HtmlSelect> selects = sheet.getByXPath("//fieldset[contains(@class,'criterion')]//select");
                assertEquals(6, selects.size(), "The default rubric's six criteria");
                for (int c = 0; c < 6; c++) {
                    selects.get(c).setSelectedAttribute(String.valueOf(scores[i][c]), true);
                }
                sheet.<HtmlTextArea>getFirstByXPath("//textarea[contains(@id,'comment')]").setText("Clear social purpose.");
                HtmlPage done = click(sheet, "score:submit");
                assertTrue(done.asNormalizedText().contains("Your review is submitted"), done.asNormalizedText());
            }
        }
        try (Visitor r = new Visitor()) {
            r.open("/reviewer/review.xhtml?application=" + application);
            HtmlPage declare = r.submitKeycloakLogin(conflicted, PASSWORD);
            click(declare, "declare:conflict");
            r.open("/reviewer/review.xhtml?application=" + application);
            assertEquals(404, r.status(), "A conflicted reviewer cannot load the application");
            assertEquals(404, r.openRaw(TestStack.portalUrl() + "/files/attachment?id=" + file).getWebResponse().getStatusCode(),
                    "nor its file");
        }

        // 5. Staff read both reviews and the conflict on the application's page, then accept it with a message.
        try (Visitor staff = new Visitor()) {
            staff.open("/staff/application.xhtml?id=" + application);
            HtmlPage page = staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            String reviews = page.getElementById("reviews").asNormalizedText();
            assertTrue(reviews.contains("2 reviews"), reviews);
            assertTrue(reviews.contains("declared a conflict of interest"), reviews);
            assertEquals(2, page.getByXPath("//article[@data-status='SUBMITTED']").size());

            HtmlPage pipeline = staff.open("/staff/applications.xhtml?call=" + call);
            HtmlElement row = pipeline.getFirstByXPath("//tr[@data-rk='" + application + "']");
            assertTrue(row.asNormalizedText().contains("Reviewer conflict: assign another"), row.asNormalizedText());
            assertTrue(row.asNormalizedText().contains("2 of 2"), "Reviews done of those who count: " + row.asNormalizedText());
            page = staff.open("/staff/application.xhtml?id=" + application);
            page.<HtmlSelect>getHtmlElementById("decide:to").setSelectedAttribute("ACCEPTED", true);
            page.<HtmlTextArea>getHtmlElementById("decide:reason").setText("Bienvenue ! Premier atelier le 5 janvier.");
            HtmlPage decided = click(page, "decide:move");
            assertEquals("ACCEPTED", decided.getElementById("stage").getAttribute("data-stage"), decided.asNormalizedText());
        }
        assertEquals("ACCEPTED", Db.value("select stage from application where id = ?", application));
        assertEquals("Coopérative des brodeuses", Db.value("select name from venture where application_id = ?", application));
        assertEquals(3, Db.count("select count(*) from venture_member m join venture v on v.id = m.venture_id "
                + "where v.application_id = ?", application), "The applicant and both members");

        Mailbox.Mail decision = new Mailbox(KeycloakAdmin.emailOf(applicant))
                .await(m -> m.subject().startsWith("Décision"), 1, Duration.ofSeconds(30)).getFirst();
        assertTrue(decision.text().contains("Premier atelier le 5 janvier"), decision.text());
        try (Visitor v = new Visitor("fr")) {
            v.open("/me/applications.xhtml");
            HtmlPage mine = v.submitKeycloakLogin(applicant, PASSWORD);
            assertTrue(mine.asNormalizedText().contains("Premier atelier le 5 janvier"), mine.asNormalizedText());
            assertTrue(mine.asNormalizedText().contains("Historique"), "The applicant sees the way it went");
            assertTrue(!mine.asNormalizedText().contains("Eligible"), "but not staff's internal notes");
        }
    }
}
