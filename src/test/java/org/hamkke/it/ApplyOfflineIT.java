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
        long call;
        try (Connection db = Db.connect(); Statement s = db.createStatement();
                ResultSet r = s.executeQuery("""
                        insert into programme_call (title, summary, opens_at, closes_at, time_zone)
                        values ('{"en": "Offline-friendly call"}', '{"en": "x"}', now() - interval '1 day', now() + interval '9 days', 'UTC')
                        returning id""")) {
            r.next();
            call = r.getLong(1);
        }
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

    private String name() throws Exception {
        return (String) Db.value("select a.name from application a join person p on p.id = a.applicant_id where p.username = ?", username);
    }
}
