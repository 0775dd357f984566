package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hamkke.devstack.DemoLogin;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The five languages: chosen, remembered, right-to-left where needed, and on Keycloak's page too. */
class LanguageIT {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "en, ltr, Sign in", "ar, rtl, تسجيل الدخول", "fr, ltr, Se connecter",
        "id, ltr, Masuk", "ur, rtl, سائن اِن کریں"
    })
    void switchingLanguageIsRememberedAndMirrorsForRightToLeft(String code, String dir, String signIn)
            throws Exception {
        try (Visitor visitor = new Visitor("en")) {
            visitor.open("/?lang=" + code);
            assertEquals(TestStack.portalUrl() + "/", visitor.url().toString(), "The choice leaves a clean address");

            HtmlPage page = visitor.open("/");
            var html = page.getDocumentElement();
            assertEquals(code, html.getAttribute("lang"));
            assertEquals(dir, html.getAttribute("dir"));
            assertEquals(signIn, page.getElementById("signin").getTextContent().strip());
            assertTrue(page.getElementById("home-title").getTextContent().length() > 5);
        }
    }

    @Test
    void browserLanguageIsTheDefault() throws Exception {
        try (Visitor visitor = new Visitor("id-ID,id;q=0.9,en;q=0.5")) {
            HtmlPage page = visitor.open("/");
            assertEquals("id", page.getDocumentElement().getAttribute("lang"));
        }
    }

    @Test
    void keycloakLoginPageSpeaksArabicRightToLeftInTheHamkkeTheme() throws Exception {
        try (Visitor visitor = new Visitor("ar")) {
            visitor.open("/signin");
            assertTrue(visitor.onKeycloakLoginForm());
            HtmlPage login = visitor.html();
            assertEquals("rtl", login.getDocumentElement().getAttribute("dir"));
            assertTrue(login.asXml().contains("/resources/") && login.asXml().contains("hamkke.css"),
                    "The login page uses the hamkke theme's stylesheet");
        }
    }

    @Test
    void signedInPersonWithoutAChoiceGetsTheirProfileLanguage() throws Exception {
        // The demo entrepreneur's Keycloak profile says Urdu.
        try (Visitor visitor = new Visitor("en")) {
            visitor.open("/");
            HtmlPage page = visitor.signIn(DemoLogin.ENTREPRENEUR);
            assertEquals("ur", page.getDocumentElement().getAttribute("lang"));
            assertEquals("rtl", page.getDocumentElement().getAttribute("dir"));
        }
    }
}
