package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.WebConnectionWrapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The application form's script on a weak connection (HtmlUnit with JavaScript on): typing is
 * saved a few seconds after it stops; while the connection is lost the page says so and keeps
 * the text on the device; when the person comes back, the text is restored and saved.
 */
class ApplyOfflineIT {

    private static final String PASSWORD = "a-long-passphrase-1";
    private String username;

    @AfterEach
    void removeUser() throws Exception {
        var admin = new KeycloakAdmin();
        if (username != null && admin.exists(username)) {
            admin.deleteUser(admin.userId(username));
        }
    }

    /** A connection that can be cut: posts fail as on a phone that lost its signal. */
    private static final class Flaky extends WebConnectionWrapper {
        volatile boolean offline;

        Flaky(org.htmlunit.WebClient browser) {
            super(browser);
        }

        @Override
        public WebResponse getResponse(WebRequest request) throws IOException {
            if (offline && request.getHttpMethod() == HttpMethod.POST) {
                throw new IOException("no signal");
            }
            return super.getResponse(request);
        }
    }

    @Test
    void typingIsSavedWhileOnlineAndKeptOnTheDeviceWhileOffline() throws Exception {
        long call = openCall("Offline-friendly call");
        username = KeycloakAdmin.randomUsername();
        new KeycloakAdmin().createUser(username, PASSWORD, "en");
        try (Visitor visitor = new Visitor()) {
            visitor.open("/me/");
            visitor.submitKeycloakLogin(username, PASSWORD);
            var browser = visitor.browser();
            browser.getOptions().setJavaScriptEnabled(true);
            browser.getOptions().setThrowExceptionOnScriptError(true);
            Flaky connection = new Flaky(browser);

            HtmlPage form = visitor.open("/me/apply.xhtml?call=" + call);
            form.<HtmlInput>getHtmlElementById("apply:name").type("Night Market Cooks");
            browser.waitForBackgroundJavaScript(8_000);
            assertTrue(form.getElementById("autosave-status").getTextContent().contains("saved automatically"),
                    form.getElementById("autosave-status").getTextContent());
            assertEquals("Night Market Cooks", name());

            connection.offline = true;
            form.<HtmlInput>getHtmlElementById("apply:name").type(" of Surabaya");
            browser.waitForBackgroundJavaScript(8_000);
            assertTrue(form.getElementById("autosave-status").getTextContent().contains("No connection"),
                    form.getElementById("autosave-status").getTextContent());
            assertEquals("Night Market Cooks", name(), "Nothing reached the server");

            // Signal again; the person opens the form later: the device copy is newer than the draft.
            connection.offline = false;
            HtmlPage later = visitor.open("/me/apply.xhtml?call=" + call);
            browser.waitForBackgroundJavaScript(8_000);
            assertEquals("Night Market Cooks of Surabaya", later.<HtmlInput>getHtmlElementById("apply:name").getValue());
            assertEquals("Night Market Cooks of Surabaya", name(), "The restored text was saved");
        }
    }

    @Test
    void aFileIsSentByThePageScriptAndTheSavedMessageIsNotLost() throws Exception {
        long call = openCall("Upload call");
        try (Connection db = Db.connect(); Statement q = db.createStatement()) {
            q.execute("insert into call_question (call_id, position, kind, label, required) values (" + call
                    + ", 1, 'FILE', '{\"en\": \"Your budget\"}', true)");
        }
        username = KeycloakAdmin.randomUsername();
        new KeycloakAdmin().createUser(username, PASSWORD, "en");
        try (Visitor visitor = new Visitor()) {
            visitor.open("/me/");
            visitor.submitKeycloakLogin(username, PASSWORD);
            HtmlPage who = visitor.open("/me/apply.xhtml?call=" + call);
            who.<HtmlInput>getHtmlElementById("apply:name").setValue("Upload Sisters");
            who.<org.htmlunit.html.HtmlElement>getHtmlElementById("apply:saveDraft").click();

            var browser = visitor.browser();
            browser.getOptions().setJavaScriptEnabled(true);
            browser.getOptions().setThrowExceptionOnScriptError(true);
            java.util.List<String> posts = new java.util.concurrent.CopyOnWriteArrayList<>();
            new WebConnectionWrapper(browser) {
                @Override
                public WebResponse getResponse(WebRequest request) throws IOException {
                    if (request.getHttpMethod() == HttpMethod.POST) {
                        posts.add(String.valueOf(request.getAdditionalHeaders().get("Accept")));
                    }
                    return super.getResponse(request);
                }
            };
            HtmlPage questions = visitor.open("/me/apply.xhtml?call=" + call + "&step=3");
            java.nio.file.Path pdf = java.nio.file.Files.write(java.nio.file.Files.createTempDirectory("upload").resolve("budget.pdf"),
                    "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            questions.<org.htmlunit.html.HtmlFileInput>getFirstByXPath("//input[@type='file']").setFiles(pdf.toFile());
            questions.<org.htmlunit.html.HtmlElement>getHtmlElementById("apply:saveDraft").click();
            browser.waitForBackgroundJavaScript(10_000);

            HtmlPage shown = (HtmlPage) browser.getCurrentWindow().getEnclosedPage();
            String text = shown.asNormalizedText();
            assertTrue(text.contains("Your draft is saved"), "The one-time message survives the script's upload: " + text);
            assertTrue(text.contains("budget.pdf"), text);
            assertEquals(java.util.List.of("*/*"), posts, "One post, sent by the page's script (a browser's own post asks for HTML)");
        }
        assertEquals(1, Db.count("select count(*) from application_file f join application a on a.id = f.application_id "
                + "join person p on p.id = a.applicant_id where p.username = ?", username));
    }

    /** This browser's copies of application forms kept on the device (localStorage under "hamkke.apply."). */
    private static java.util.SortedMap<String, String> deviceCopies(Visitor visitor) throws Exception {
        var copies = new java.util.TreeMap<String, String>();
        visitor.browser().getStorageHolder().getLocalStorage(new java.net.URI(TestStack.portalUrl()).toURL()).forEach((k, v) -> {
            if (k.startsWith("hamkke.apply.")) {
                copies.put(k, v);
            }
        });
        return copies;
    }

    /**
     * A phone shared by two people: what the first typed offline is kept under her name only and
     * never appears in the second person's form; signing out leaves no copy on the phone.
     */
    @Test
    void aDeviceCopyIsRestoredOnlyToWhoTypedItAndIsGoneAfterSignOut() throws Exception {
        long call = openCall("Shared phone call");
        username = KeycloakAdmin.randomUsername();
        new KeycloakAdmin().createUser(username, PASSWORD, "en");
        String second = KeycloakAdmin.randomUsername();
        new KeycloakAdmin().createUser(second, PASSWORD, "en");
        try (Visitor visitor = new Visitor()) {
            var browser = visitor.browser();
            visitor.open("/me/");
            visitor.submitKeycloakLogin(username, PASSWORD);
            browser.getOptions().setJavaScriptEnabled(true);
            browser.getOptions().setThrowExceptionOnScriptError(true);
            Flaky connection = new Flaky(browser);

            HtmlPage form = visitor.open("/me/apply.xhtml?call=" + call);
            connection.offline = true;
            form.<HtmlInput>getHtmlElementById("apply:name").type("Amina's offline draft");
            browser.waitForBackgroundJavaScript(8_000);
            assertTrue(form.getElementById("autosave-status").getTextContent().contains("No connection"));
            var kept = deviceCopies(visitor);
            assertEquals(1, kept.size(), kept.toString());
            long first = Db.count("select id from person where username = ?", username);
            assertTrue(kept.firstKey().startsWith("hamkke.apply." + first + "." + call + "."), "Keyed by its owner and the call: " + kept);

            // Her session ends without signing out (as when it expires); the next person signs in on the same phone.
            connection.offline = false;
            browser.getCookieManager().clearCookies();
            browser.getOptions().setJavaScriptEnabled(false);
            visitor.open("/me/");
            visitor.submitKeycloakLogin(second, PASSWORD);
            browser.getOptions().setJavaScriptEnabled(true);
            HtmlPage theirs = visitor.open("/me/apply.xhtml?call=" + call);
            browser.waitForBackgroundJavaScript(8_000);
            assertEquals("", theirs.<HtmlInput>getHtmlElementById("apply:name").getValue(), "Not restored into someone else's form");
            assertTrue(!theirs.getElementById("autosave-status").getTextContent().contains("restored"));
            assertEquals(0, Db.count("select count(*) from application a join person p on p.id = a.applicant_id where p.username = ?",
                    second), "Nor saved as theirs");

            connection.offline = true;
            theirs.<HtmlInput>getHtmlElementById("apply:name").type("Budi's offline draft");
            browser.waitForBackgroundJavaScript(8_000);
            assertEquals(2, deviceCopies(visitor).size(), "Each person's copy under their own key");
            connection.offline = false;

            browser.getOptions().setThrowExceptionOnScriptError(false);  // Keycloak's own pages on the way out
            visitor.signOut();
            assertEquals(java.util.Map.of(), deviceCopies(visitor), "Signing out leaves nothing of anyone's answers on the phone");
        } finally {
            var admin = new KeycloakAdmin();
            if (admin.exists(second)) {
                admin.deleteUser(admin.userId(second));
            }
        }
    }

    private static long openCall(String title) throws Exception {
        try (Connection db = Db.connect(); var s = db.prepareStatement("""
                insert into programme_call (title, summary, opens_at, closes_at, time_zone)
                values (jsonb_build_object('en', ?::text), '{"en": "x"}', now() - interval '1 day', now() + interval '9 days', 'UTC')
                returning id""")) {
            s.setString(1, title);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private String name() throws Exception {
        return (String) Db.value("select a.name from application a join person p on p.id = a.applicant_id where p.username = ?", username);
    }
}
