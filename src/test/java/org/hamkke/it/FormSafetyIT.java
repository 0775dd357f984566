package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.net.URI;
import org.hamkke.devstack.DemoLogin;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * Posts that change something: refused when sent from another site (Origin, or Referer when there
 * is no Origin), whatever the page; a forged or stale view state is the "expired" note, never an
 * error; and the profile's language changes by a post, never by a link.
 */
class FormSafetyIT {

    @Test
    void aPostFromAnotherSiteIsRefusedAndChangesNothing() throws Exception {
        try (Visitor visitor = new Visitor()) {
            visitor.signIn(DemoLogin.STAFF);
            HtmlPage settings = visitor.open("/me/notice-settings.xhtml");
            WebRequest post = settings.<HtmlForm>getHtmlElementById("settings").getWebRequest(settings.getHtmlElementById("settings:save"));
            post.setAdditionalHeader("Origin", "http://evil.example");
            var refused = visitor.browser().getPage(post);
            assertEquals(403, refused.getWebResponse().getStatusCode());
            assertFalse(refused.getWebResponse().getContentAsString().contains("Your e-mail preferences are saved."));

            post.setAdditionalHeader("Origin", "null");
            assertEquals(403, visitor.browser().getPage(post).getWebResponse().getStatusCode(), "An opaque origin is foreign too");

            post.removeAdditionalHeader("Origin");
            post.setAdditionalHeader("Referer", "http://evil.example/page");
            assertEquals(403, visitor.browser().getPage(post).getWebResponse().getStatusCode(), "Without Origin, the Referer decides");

            HtmlPage fresh = visitor.open("/me/notice-settings.xhtml");
            HtmlPage saved = fresh.<org.htmlunit.html.HtmlElement>getHtmlElementById("settings:save").click();
            assertTrue(saved.asNormalizedText().contains("Your e-mail preferences are saved."), "From the portal itself, the same form is taken");
        }
    }

    @Test
    void aForgedViewStateGetsTheExpiredNoteNotAnError() throws Exception {
        try (Visitor visitor = new Visitor()) {
            visitor.signIn(DemoLogin.STAFF);
            for (String page : new String[] {"/me/notice-settings.xhtml", "/staff/calls.xhtml", "/staff/applications.xhtml?call=1"}) {
                WebRequest post = new WebRequest(URI.create(TestStack.portalUrl() + page).toURL(), HttpMethod.POST);
                post.setRequestParameters(java.util.List.of(
                        new org.htmlunit.util.NameValuePair("jakarta.faces.ViewState", "stateless-or-forged"),
                        new org.htmlunit.util.NameValuePair("settings", "settings")));
                var answer = visitor.browser().getPage(post);
                int status = answer.getWebResponse().getStatusCode();
                assertTrue(status < 500, page + " answered " + status);
                assertFalse(answer.getWebResponse().getContentAsString().contains("data-error=\"error.generic\""), page + " shows the error page");
            }
        }
    }

    @Test
    void aLanguageLinkChangesTheBrowserOnlyAndThePostChangesTheProfile() throws Exception {
        try (Visitor visitor = new Visitor()) {
            visitor.signIn(DemoLogin.REVIEWER);
            String profileBefore = Db.text("select coalesce(locale, '') from person where username = 'reviewer'");
            String other = profileBefore.equals("fr") ? "id" : "fr";

            visitor.open("/me/?lang=" + other);
            assertEquals(other, visitor.html().getDocumentElement().getAttribute("lang"), "The page follows the link");
            assertEquals(profileBefore, Db.text("select coalesce(locale, '') from person where username = 'reviewer'"),
                    "A GET leaves the profile alone");

            HtmlPage switched = visitor.html().<org.htmlunit.html.HtmlElement>getHtmlElementById("lang-ar").click();
            assertEquals("ar", switched.getDocumentElement().getAttribute("lang"));
            assertEquals("rtl", switched.getDocumentElement().getAttribute("dir"));
            assertEquals(TestStack.portalUrl() + "/me/", visitor.url().toString(), "Back on the same page");
            assertEquals("ar", Db.text("select locale from person where username = 'reviewer'"), "The post changed the profile");

            visitor.html().<org.htmlunit.html.HtmlElement>getHtmlElementById("lang-" + (profileBefore.isEmpty() ? "en" : profileBefore)).click();
        }
    }

    @Test
    void theLanguageFormCannotSendAnyoneOffSite() throws Exception {
        var response = RawHttp.send("POST", "/language", null, TestStack.portalUrl(), "lang=fr&return=%2F%2Fevil.example%2F");
        assertEquals(302, response.status());
        assertEquals(TestStack.portalUrl() + "/", response.header("location"));
        assertTrue(response.header("set-cookie").contains("hamkke_lang=fr"));
        assertFalse(response.header("set-cookie").contains("HAMKKE_SESSION"), "The language post starts no session");
    }

    /**
     * A form's post sent to another page (its view state and fields, a forged or confused request):
     * answered as an expired form, never a 500.
     */
    @Test
    void aFormPostedToAnotherPageIsAnsweredAsExpiredNotA500() throws Exception {
        long course = AcademyData.course("Form safety " + System.nanoTime());
        long cohort = AcademyData.cohort(course, 5);
        java.util.List<String> pages = java.util.List.of("/me/notice-settings.xhtml", "/me/check-in.xhtml", "/me/learning.xhtml",
                "/me/enrol.xhtml?cohort=" + cohort, "/staff/courses.xhtml", "/staff/course.xhtml?id=" + course,
                "/staff/cohort.xhtml?id=" + cohort, "/staff/roster.xhtml?cohort=" + cohort, "/staff/calendar.xhtml");
        java.util.List<String> failures = new java.util.ArrayList<>();
        try (Visitor visitor = new Visitor()) {
            visitor.signIn(DemoLogin.STAFF);
            String cookie = Sessions.cookie(visitor);
            for (String from : pages) {
                HtmlPage page = visitor.open(from);
                for (HtmlForm form : page.getForms()) {
                    if (form.getInputsByName("jakarta.faces.ViewState").isEmpty()) {
                        continue;
                    }
                    StringBuilder body = new StringBuilder();
                    for (org.htmlunit.html.HtmlElement input : form.getElementsByTagName("input")) {
                        String name = input.getAttribute("name");
                        if (!name.isEmpty()) {
                            body.append(body.isEmpty() ? "" : "&").append(java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8))
                                    .append('=').append(java.net.URLEncoder.encode(input.getAttribute("value"), java.nio.charset.StandardCharsets.UTF_8));
                        }
                    }
                    for (String to : pages) {
                        if (!to.equals(from)) {
                            var response = RawHttp.send("POST", to, cookie, TestStack.portalUrl(), body.toString());
                            if (response.status() >= 500) {
                                failures.add(form.getId() + " of " + from + " posted to " + to + ": " + response.status());
                            }
                        }
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), "Another page's form answered with a server error: " + failures);
    }
}
