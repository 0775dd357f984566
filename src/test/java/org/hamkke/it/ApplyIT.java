package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlFileInput;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.htmlunit.html.HtmlTextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An applicant applies through the real form, step by step: the review page lists what is missing;
 * a refused submission keeps everything; a draft comes back; a file is checked from its content,
 * stored with its checksum and readable only by those who may; a double submit gives one
 * application and one receipt; a closed call takes nothing; withdrawing asks first.
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
                            + "(" + id + ", 2, 'NUMBER', '{\"en\": \"How many members?\"}', true, null),"
                            + "(" + id + ", 3, 'FILE', '{\"en\": \"Your budget\"}', true, null)");
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

    private static HtmlPage click(HtmlPage page, String id) throws Exception {
        return page.<HtmlElement>getHtmlElementById(id).click();
    }

    private static Path file(String name, byte[] content) throws Exception {
        Path dir = Files.createTempDirectory("upload");
        return Files.write(dir.resolve(name), content);
    }

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};

    @Test
    void aCollectiveAppliesStepByStepWithAFileFromDraftToReceiptOnce() throws Exception {
        long call = call("10 days");
        try (Visitor visitor = signedInApplicant()) {
            HtmlPage who = visitor.open("/me/apply.xhtml?call=" + call);
            assertNotNull(who.getElementById("steps"), "The steps are shown");
            who.<HtmlRadioButtonInput>getFirstByXPath("//input[@type='radio' and @value='COLLECTIVE']").setChecked(true);
            who.<HtmlInput>getHtmlElementById("apply:name").setValue("Repair Café Kampung");
            HtmlPage members = click(who, "apply:next");
            assertTrue(members.getUrl().toString().contains("step=2"), members.getUrl().toString());
            List<HtmlInput> names = members.getByXPath("//input[contains(@id,'memberName')]");
            names.get(0).setValue("Ratna");
            members.<HtmlElement>getFirstByXPath("(//input[contains(@id,'consent')])[1]").click();
            HtmlPage questions = click(members, "apply:next");
            assertTrue(questions.getUrl().toString().contains("step=3"), questions.getUrl().toString());

            // The review page lists what is missing, each with a link to its step; submitting now is refused.
            HtmlPage review = click(questions, "apply:next");
            String missing = review.getElementById("still-missing").asNormalizedText();
            assertTrue(missing.contains("at least two members"), missing);
            assertTrue(missing.contains("Please attach a file"), missing);
            HtmlPage refused = click(review, "apply:submit");
            assertTrue(errors(refused).contains("at least two members") || refused.asNormalizedText().contains("need attention"),
                    refused.asNormalizedText());
            assertNull(Db.value("select stage from application a join person p on p.id = a.applicant_id where p.username = ?", username),
                    "Kept as a draft, not submitted");

            // Leave and come back to the members: the draft is there, and the name typed on the first step too.
            HtmlPage again = visitor.open("/me/apply.xhtml?call=" + call + "&step=2");
            assertEquals("Ratna", again.<HtmlInput>getFirstByXPath("//input[contains(@id,'memberName')]").getValue());
            List<HtmlInput> memberNames = again.getByXPath("//input[contains(@id,'memberName')]");
            memberNames.get(1).setValue("Budi");
            List<HtmlCheckBoxInput> consents = again.getByXPath("//input[contains(@id,'consent')]");
            consents.get(1).setChecked(true);
            HtmlPage answers = click(again, "apply:next");
            List<HtmlElement> qs = questions(answers);
            qs.get(0).<HtmlTextArea>getFirstByXPath(".//textarea").setText("Phones, fans and rice cookers");
            qs.get(1).<HtmlInput>getFirstByXPath(".//input").setValue("7");
            qs.get(2).<HtmlFileInput>getFirstByXPath(".//input[@type='file']").setFiles(file("budget.pdf", PDF).toFile());
            HtmlPage ready = click(answers, "apply:next");
            assertNotNull(ready.getElementById("ready"), ready.asNormalizedText());
            assertTrue(ready.asNormalizedText().contains("budget.pdf"), "The review page shows the attached file");
            assertEquals("Repair Café Kampung", ready.<HtmlElement>getFirstByXPath("//dl[@class='summary']/dd[2]").getTextContent().strip());

            HtmlPage mine = click(ready, "apply:submit");
            assertTrue(mine.getUrl().toString().endsWith("/me/applications.xhtml"), mine.getUrl().toString());
            String receipt = (String) Db.value("select receipt from application a join person p on p.id = a.applicant_id where p.username = ?", username);
            assertNotNull(receipt);
            assertTrue(mine.asNormalizedText().contains(receipt), "The receipt is shown");

            // The same form posted again (a double click, a retry on a slow link): one application, one receipt.
            HtmlPage twice = click(ready, "apply:submit");
            assertTrue(twice.asNormalizedText().contains(receipt), twice.asNormalizedText());

            // The file comes back byte for byte to its owner, as a download, with its checksum recorded.
            Object fileId = Db.value("select f.id from application_file f join application a on a.id = f.application_id "
                    + "join person p on p.id = a.applicant_id where p.username = ?", username);
            var download = visitor.openRaw(TestStack.portalUrl() + "/files/attachment?id=" + fileId).getWebResponse();
            assertEquals(200, download.getStatusCode());
            assertEquals("application/pdf", download.getContentType());
            assertTrue(download.getResponseHeaderValue("Content-Disposition").startsWith("attachment"));
            assertArrayEquals(PDF, download.getContentAsStream().readAllBytes());
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF)),
                    Db.value("select sha256 from application_file where id = ?", fileId));
        }
        assertEquals(1, Db.count("select count(*) from application a join person p on p.id = a.applicant_id where p.username = ?", username));
        assertEquals(1, Db.count("select count(*) from stage_change c join application a on a.id = c.application_id "
                + "join person p on p.id = a.applicant_id where p.username = ?", username));
        assertEquals(2, Db.count("select count(*) from application_member m join application a on a.id = m.application_id "
                + "join person p on p.id = a.applicant_id where p.username = ? and m.consent_at is not null", username));
    }

    @Test
    void oversizedDisguisedAndForeignFilesAreRefusedWithAReasonAndNothingTypedIsLost() throws Exception {
        long call = call("10 days");
        try (Visitor visitor = signedInApplicant()) {
            HtmlPage who = visitor.open("/me/apply.xhtml?call=" + call);
            who.<HtmlInput>getHtmlElementById("apply:name").setValue("Solo Potter");
            HtmlPage answers = click(who, "apply:next");
            assertTrue(answers.getUrl().toString().contains("step=3"), "An individual skips the members step");

            questions(answers).get(0).<HtmlTextArea>getFirstByXPath(".//textarea").setText("Clay pots");
            questions(answers).get(2).<HtmlFileInput>getFirstByXPath(".//input[@type='file']")
                    .setFiles(file("budget.pdf", PNG).toFile());
            HtmlPage disguised = click(answers, "apply:saveDraft");
            assertTrue(errors(disguised).contains("not what its name says"), errors(disguised));
            assertEquals("Clay pots", questions(disguised).get(0).<HtmlTextArea>getFirstByXPath(".//textarea").getText(),
                    "The answer typed beside the refused file is kept");

            byte[] program = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
            questions(disguised).get(2).<HtmlFileInput>getFirstByXPath(".//input[@type='file']").setFiles(file("tool.exe", program).toFile());
            HtmlPage foreign = click(disguised, "apply:saveDraft");
            assertTrue(errors(foreign).contains("Only PDF, images"), errors(foreign));

            byte[] big = new byte[10 * 1024 * 1024 + 10];
            System.arraycopy(PDF, 0, big, 0, PDF.length);
            questions(foreign).get(2).<HtmlFileInput>getFirstByXPath(".//input[@type='file']").setFiles(file("scan.pdf", big).toFile());
            HtmlPage tooLarge = click(foreign, "apply:saveDraft");
            assertTrue(errors(tooLarge).contains("too large: the limit is 10 MB"), errors(tooLarge));
        }
        assertEquals(0, Db.count("select count(*) from application_file f join application a on a.id = f.application_id "
                + "join person p on p.id = a.applicant_id where p.username = ?", username));
        assertTrue(Db.value("select answers::text from application a join person p on p.id = a.applicant_id where p.username = ?",
                username).toString().contains("Clay pots"));
    }

    /**
     * A hundred megabytes sent without JavaScript to a 10 MB question: refused within seconds, before
     * the server read it (the sender is cut off), with the limit in the reader's language and a way
     * back to the form; the draft saved before is still there.
     */
    @Test
    void aHundredMegabytePostIsCutOffAtTheLimitAndTheDraftStays() throws Exception {
        long call = call("10 days");
        try (Visitor visitor = signedInApplicant()) {
            HtmlPage who = visitor.open("/me/apply.xhtml?call=" + call);
            who.<HtmlInput>getHtmlElementById("apply:name").setValue("Saved Before The Big File");
            click(who, "apply:saveDraft");
            String session = visitor.browser().getCookieManager().getCookie("HAMKKE_SESSION").getValue();
            String form = "/me/apply.xhtml?call=" + call + "&step=3";

            RawUpload.Answer answer = RawUpload.post("/me/apply.xhtml", 100L * 1024 * 1024, true, java.util.Map.of(
                    "Cookie", "HAMKKE_SESSION=" + session,
                    "Referer", TestStack.portalUrl() + form,
                    "Accept-Language", "fr"));
            assertEquals(413, answer.status(), answer.body());
            assertEquals("close", answer.headers().get("connection"));
            assertTrue(answer.millis() < 5_000, "Answered in " + answer.millis() + " ms");
            assertFalse(answer.sentEverything(), "The server stopped reading: " + answer.sent() + " of " + answer.total() + " bytes got through");
            assertTrue(answer.sent() < 50L * 1024 * 1024, answer.sent() + " bytes got through");
            assertTrue(answer.body().contains("id=\"error\" data-error=\"error.tooLarge\""), answer.body());
            assertTrue(answer.body().contains("Trop volumineux pour un seul envoi"), "In the reader's language");
            assertTrue(answer.body().contains("10 Mo au plus"), "The limit, in MB");
            assertTrue(answer.body().contains("Rien n'en a été enregistré"), "An apostrophe in a text with a placeholder is kept");
            assertTrue(answer.body().contains("href=\"" + form.replace("&", "&amp;") + "\""), "Back to the form it came from");

            HtmlPage again = visitor.open(form.replace("step=3", "step=1"));
            assertEquals("Saved Before The Big File", again.<HtmlInput>getHtmlElementById("apply:name").getValue(),
                    "The draft saved before is kept");

            // A form that does not say its length (chunked): refused before reading too.
            RawUpload.Answer chunked = RawUpload.post("/me/apply.xhtml", 20L * 1024 * 1024, false, java.util.Map.of(
                    "Cookie", "HAMKKE_SESSION=" + session));
            assertEquals(411, chunked.status(), chunked.body());
            assertTrue(chunked.body().contains("10 MB at most"), chunked.body());
            assertTrue(chunked.body().contains("href=\"/\""), "No page to go back to: home");
        }
        assertEquals("Saved Before The Big File", Db.value("select a.name from application a join person p on p.id = a.applicant_id "
                + "where p.username = ?", username));
        assertEquals(0, Db.count("select count(*) from application_file f join application a on a.id = f.application_id "
                + "join person p on p.id = a.applicant_id where p.username = ?", username));
    }

    /**
     * A form of an allowed size whose sender is no longer signed in (the session ended while they
     * chose the file) is answered, not cut off: the listener skips what it does not read up to the
     * upload limit, and the browser follows the way to sign in.
     */
    @Test
    void anAllowedFormFromAnEndedSessionGetsItsAnswer() throws Exception {
        RawUpload.Answer answer = RawUpload.post("/me/apply.xhtml", 5L * 1024 * 1024, true, java.util.Map.of());
        assertEquals(302, answer.status(), answer.body());
        assertTrue(answer.headers().getOrDefault("location", "").contains("/signin?return="), answer.headers().toString());
        assertTrue(answer.sentEverything(), "Skipped, not cut off: " + answer.sent() + " of " + answer.total());
    }

    /** A file is kept under a name that says what it is, without characters that change how the name reads. */
    @Test
    void aFileIsNamedAfterWhatItIs() throws Exception {
        long call = call("10 days");
        try (Visitor visitor = signedInApplicant()) {
            HtmlPage answers = visitor.open("/me/apply.xhtml?call=" + call + "&step=3");
            questions(answers).get(2).<HtmlFileInput>getFirstByXPath(".//input[@type='file']").setFiles(file("photo.exe", PNG).toFile());
            HtmlPage saved = click(answers, "apply:saveDraft");
            assertTrue(saved.asNormalizedText().contains("photo.png"), "A PNG sent as photo.exe is kept as photo.png");

            // Shown as "reportlmth.pdf" by the right-to-left override; the content is a PDF, the name said .html.
            questions(saved).get(2).<HtmlFileInput>getFirstByXPath(".//input[@type='file']")
                    .setFiles(file("report\u202Efdp.html", PDF).toFile());
            HtmlPage renamed = click(saved, "apply:saveDraft");
            assertTrue(renamed.asNormalizedText().contains("reportfdp.pdf"), renamed.asNormalizedText());
            Object fileId = Db.value("select f.id from application_file f join application a on a.id = f.application_id "
                    + "join person p on p.id = a.applicant_id where p.username = ?", username);
            assertEquals("reportfdp.pdf", Db.value("select original_name from application_file where id = ?", fileId));
            var download = visitor.openRaw(TestStack.portalUrl() + "/files/attachment?id=" + fileId).getWebResponse();
            assertEquals("application/pdf", download.getContentType());
            assertEquals("attachment; filename*=UTF-8''reportfdp.pdf", download.getResponseHeaderValue("Content-Disposition"));
        }
    }

    @Test
    void theAutosaveKeepsTheDraftAndAnotherPersonCannotReadTheFile() throws Exception {
        long call = call("10 days");
        Object fileId;
        try (Visitor visitor = signedInApplicant()) {
            HtmlPage who = visitor.open("/me/apply.xhtml?call=" + call);
            who.<HtmlInput>getHtmlElementById("apply:name").setValue("Autosaved Bakery");
            // What the page's script does a few seconds after typing stops: post the form to the autosave button.
            Page saved = who.<HtmlElement>getHtmlElementById("apply:autosave").click();
            assertEquals(200, saved.getWebResponse().getStatusCode());
            assertTrue(saved.getWebResponse().getContentAsString().contains("saved automatically"),
                    saved.getWebResponse().getContentAsString());
            assertEquals("Autosaved Bakery", Db.value("select a.name from application a join person p on p.id = a.applicant_id "
                    + "where p.username = ?", username));

            HtmlPage answers = visitor.open("/me/apply.xhtml?call=" + call + "&step=3");
            questions(answers).get(2).<HtmlFileInput>getFirstByXPath(".//input[@type='file']").setFiles(file("photo.png", PNG).toFile());
            click(answers, "apply:saveDraft");
            fileId = Db.value("select f.id from application_file f join application a on a.id = f.application_id "
                    + "join person p on p.id = a.applicant_id where p.username = ?", username);
            assertNotNull(fileId);
        }
        String owner = username;
        try (Visitor stranger = signedInApplicant()) {
            var response = stranger.openRaw(TestStack.portalUrl() + "/files/attachment?id=" + fileId).getWebResponse();
            assertEquals(404, response.getStatusCode(), "Another applicant's file does not exist for them");
        } finally {
            new KeycloakAdmin().deleteUser(new KeycloakAdmin().userId(owner));
        }
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
