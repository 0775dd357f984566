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
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("HAMKKE_SESSION="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No session cookie: " + response.headers().map()));
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
