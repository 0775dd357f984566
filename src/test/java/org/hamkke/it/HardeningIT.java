package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.hamkke.devstack.DemoLogin;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.Test;

/** Security headers, cookies, CSRF protection, compression and caching, as a browser receives them. */
class HardeningIT {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void everyPageCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/", "/no-such-page.xhtml", "/signin")) {
            var response = get(path, false);
            var headers = response.headers();
            String csp = String.join(" ", headers.allValues("Content-Security-Policy"));
            assertTrue(csp.contains("frame-ancestors 'none'"), path + ": " + csp);
            assertTrue(csp.contains("object-src 'none'"), path + ": " + csp);
            assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(null), path);
            assertEquals("strict-origin-when-cross-origin", headers.firstValue("Referrer-Policy").orElse(null), path);
        }
        String pageCsp = String.join(" ", get("/", false).headers().allValues("Content-Security-Policy"));
        assertTrue(pageCsp.matches(".*script-src 'self' 'nonce-[A-Za-z0-9+/=_-]+'.*"), "Scripts only by nonce: " + pageCsp);
    }

    /**
     * One policy per response, closed by default: PrimeFaces' own header (its nonce) is merged into
     * ours, so a browser does not enforce a second policy that would block the page's scripts.
     */
    @Test
    void oneContentSecurityPolicyClosedByDefaultWithThePagesNonce() throws Exception {
        var page = get("/", false);
        List<String> policies = page.headers().allValues("Content-Security-Policy");
        assertEquals(1, policies.size(), "One policy: " + policies);
        String csp = policies.getFirst();
        for (String directive : List.of("default-src 'self'", "object-src 'none'", "frame-src 'none'", "worker-src 'none'",
                "media-src 'none'", "base-uri 'self'", "frame-ancestors 'none'")) {
            assertTrue(csp.contains(directive), directive + " in " + csp);
        }
        var nonce = java.util.regex.Pattern.compile("script-src 'self' 'nonce-([A-Za-z0-9+/=_-]+)'").matcher(csp);
        assertTrue(nonce.find(), csp);
        assertInlineScriptsCarry(nonce.group(1), page.body(), "/");

        // Not a page: no inline script allowed at all.
        for (String path : List.of("/health/live", "/files/attachment?id=1")) {
            List<String> plain = get(path, false).headers().allValues("Content-Security-Policy");
            assertEquals(1, plain.size(), path + ": " + plain);
            assertTrue(plain.getFirst().startsWith("default-src 'self'; script-src 'self'; "), path + ": " + plain);
        }
    }

    /**
     * What a browser enforcing the policy would block, checked on pages with PrimeFaces: every
     * inline script carries the page's nonce, and no element has an inline event handler. (HtmlUnit
     * itself does not enforce a Content-Security-Policy.)
     */
    @Test
    void pagesRunUnderThePolicy() throws Exception {
        try (Visitor staff = new Visitor()) {
            staff.open("/");
            staff.signIn(DemoLogin.STAFF);
            for (String path : List.of("/me/", "/staff/applications.xhtml", "/staff/calls.xhtml", "/staff/jobs.xhtml")) {
                var page = staff.open(path);
                assertEquals(200, staff.status(), path);
                String csp = page.getWebResponse().getResponseHeaderValue("Content-Security-Policy");
                var nonce = java.util.regex.Pattern.compile("'nonce-([A-Za-z0-9+/=_-]+)'").matcher(csp);
                assertTrue(nonce.find(), path + ": " + csp);
                assertInlineScriptsCarry(nonce.group(1), page.getWebResponse().getContentAsString(), path);
            }
        }
    }

    private static void assertInlineScriptsCarry(String nonce, String html, String path) {
        var scripts = java.util.regex.Pattern.compile("<script(?![^>]*\\ssrc=)([^>]*)>").matcher(html);
        int inline = 0;
        while (scripts.find()) {
            inline++;
            assertTrue(scripts.group(1).contains("nonce=\"" + nonce + "\""), path + ": inline script without the nonce: " + scripts.group());
        }
        assertTrue(inline > 0, path + ": PrimeFaces writes at least its start-up script inline");
        var handlers = java.util.regex.Pattern.compile("<[a-zA-Z][^>]*\\son[a-z]+=", java.util.regex.Pattern.CASE_INSENSITIVE).matcher(html);
        assertFalse(handlers.find(), () -> path + ": inline event handler: " + handlers.group());
    }

    @Test
    void behindATlsProxyHstsAndSecureCookies() throws Exception {
        var viaProxy = http.send(HttpRequest.newBuilder(URI.create(TestStack.portalUrl() + "/signin"))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("max-age=31536000", viaProxy.headers().firstValue("Strict-Transport-Security").orElse(null));
        String secureCookie = sessionCookie(viaProxy);
        assertTrue(secureCookie.contains("Secure"), secureCookie);
        assertTrue(secureCookie.contains("HttpOnly") && secureCookie.contains("SameSite=Lax"), secureCookie);

        var direct = get("/signin", false);
        assertTrue(direct.headers().firstValue("Strict-Transport-Security").isEmpty(), "No HSTS over plain HTTP");
        assertFalse(sessionCookie(direct).contains("Secure"), sessionCookie(direct));
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("HAMKKE_SESSION="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No session cookie: " + response.headers().map()));
    }

    @Test
    void noServerHeaderAndNoPublicMetricsOrApiDescription() throws Exception {
        assertTrue(get("/", false).headers().firstValue("Server").isEmpty(), "The server does not name itself");
        for (String path : List.of("/metrics", "/metrics/base", "/openapi")) {
            var response = get(path, false);
            // Not a known public path: the gate asks to sign in (and then it is 404); never the document.
            boolean toSignIn = response.statusCode() == 302
                    && response.headers().firstValue("Location").orElse("").contains("/signin?return=");
            assertTrue(response.statusCode() == 403 || response.statusCode() == 404 || toSignIn, path + ": " + response.statusCode());
            assertFalse(response.body().contains("classloader"), path + " tells nobody the JVM's insides");
        }
        assertEquals(200, get("/health/live", false).statusCode(), "Health stays on for load balancers");
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSite() throws Exception {
        var response = get("/signin", false);
        String cookie = sessionCookie(response);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
    }

    @Test
    void pagesAreCompressedAndResourcesCachedForAYear() throws Exception {
        var page = get("/", true);
        assertEquals("gzip", page.headers().firstValue("Content-Encoding").orElse(null));

        String html = get("/", false).body();
        int start = html.indexOf("/jakarta.faces.resource/css/hamkke.css");
        assertTrue(start > 0, "The stylesheet is a versioned Faces resource");
        String css = html.substring(start, html.indexOf('"', start)).replace("&amp;", "&");
        var resource = get(css, true);
        assertEquals(200, resource.statusCode());
        assertEquals("gzip", resource.headers().firstValue("Content-Encoding").orElse(null));
        String expires = resource.headers().firstValue("Expires").orElse("");
        String cacheControl = resource.headers().firstValue("Cache-Control").orElse("");
        assertTrue(cacheControl.contains("max-age=31536000") || expires.contains(String.valueOf(java.time.Year.now().getValue() + 1)),
                "Cache-Control: " + cacheControl + " Expires: " + expires);
    }

    @Test
    void aForgedSignOutPostWithoutTheFormTokenDoesNothing() throws Exception {
        try (Visitor visitor = new Visitor()) {
            visitor.open("/");
            visitor.signIn(DemoLogin.APPLICANT);
            assertTrue(visitor.isSignedIn());

            WebRequest forged = new WebRequest(new java.net.URL(TestStack.portalUrl() + "/index.xhtml"), HttpMethod.POST);
            forged.setRequestParameters(List.of(
                    new NameValuePair("signout", "signout"),
                    new NameValuePair("signout:signOutButton", "Sign out"),
                    new NameValuePair("jakarta.faces.ViewState", "forged-123")));
            visitor.browser().getPage(forged);

            visitor.open("/me/");
            assertEquals(200, visitor.status());
            assertTrue(visitor.isSignedIn(), "A post without the view's token must not sign anyone out");
        }
    }

    @Test
    void noStackTraceOnGarbageInput() throws Exception {
        var response = get("/?lang=%00%ff&x=%3Cscript%3E", false);
        assertEquals(200, response.statusCode());
        assertFalse(response.body().matches("(?s).*(\\bat [a-z]+\\.[a-z]+\\.|Caused by:).*"), "No stack trace shown");
        assertNotNull(response.body());
    }

    private HttpResponse<String> get(String path, boolean gzip) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(TestStack.portalUrl() + path));
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
