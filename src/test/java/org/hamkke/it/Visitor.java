package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.net.URL;
import org.hamkke.devstack.DemoLogin;
import org.htmlunit.BrowserVersion;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlPage;

/**
 * A person with a browser (HtmlUnit, JavaScript off: the portal's core works without it, which is
 * what a slow phone needs). Signs in through the real Keycloak login form.
 */
public final class Visitor implements AutoCloseable {

    private final WebClient browser;
    private Page page;

    public Visitor() {
        this("en");
    }

    /** @param browserLanguage the browser's Accept-Language */
    public Visitor(String browserLanguage) {
        browser = new WebClient(BrowserVersion.FIREFOX);
        browser.getOptions().setJavaScriptEnabled(false);
        browser.getOptions().setCssEnabled(false);
        browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
        browser.getOptions().setRedirectEnabled(true);
        browser.getOptions().setTimeout(30_000);
        browser.addRequestHeader("Accept-Language", browserLanguage);
    }

    public HtmlPage open(String path) throws IOException {
        page = browser.getPage(TestStack.portalUrl() + path);
        return html();
    }

    public Page openRaw(String url) throws IOException {
        page = browser.getPage(url);
        return page;
    }

    public HtmlPage html() {
        return (HtmlPage) page;
    }

    public int status() {
        return page.getWebResponse().getStatusCode();
    }

    public URL url() {
        return page.getUrl();
    }

    /** From the portal's "Sign in" link through Keycloak's form, back to the portal. */
    public HtmlPage signIn(DemoLogin login) throws IOException {
        if (page == null || !url().toString().startsWith(TestStack.portalUrl())) {
            open("/");
        }
        HtmlElement signIn = html().getHtmlElementById("signin");
        page = signIn.click();
        return submitKeycloakLogin(login.username(), login.password());
    }

    /** Fills the Keycloak login form currently shown. */
    public HtmlPage submitKeycloakLogin(String username, String password) throws IOException {
        HtmlPage login = html();
        assertNotNull(login.getElementById("kc-form-login"), () -> "Expected Keycloak's login form at " + url());
        login.<org.htmlunit.html.HtmlInput>getHtmlElementById("username").setValue(username);
        login.<org.htmlunit.html.HtmlInput>getHtmlElementById("password").setValue(password);
        page = login.<HtmlElement>getHtmlElementById("kc-login").click();
        return html();
    }

    public HtmlPage signOut() throws IOException {
        page = html().<HtmlElement>getHtmlElementById("signout:signOutButton").click();
        return html();
    }

    public boolean isSignedIn() {
        return html().getElementById("signout") != null;
    }

    public boolean onKeycloakLoginForm() {
        return page instanceof HtmlPage p && p.getElementById("kc-form-login") != null;
    }

    public void assertOnPortal() {
        assertEquals(true, url().toString().startsWith(TestStack.portalUrl()), () -> "Expected the portal, at " + url());
    }

    public WebClient browser() {
        return browser;
    }

    @Override
    public void close() {
        browser.close();
    }
}
