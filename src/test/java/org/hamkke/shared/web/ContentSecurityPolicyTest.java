package org.hamkke.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** One policy: PrimeFaces' nonce goes into ours; the defaults stay closed. */
class ContentSecurityPolicyTest {

    private final ContentSecurityPolicy policy = new ContentSecurityPolicy("https://login.example.org");

    @Test
    void thePageNonceGoesIntoTheWholePolicy() {
        String primefaces = "script-src 'self' 'nonce-YTQyM2ZiNTktNjFh+/ZS00='";
        String page = policy.withScriptNonce(ContentSecurityPolicy.nonceOf(primefaces));
        assertTrue(page.startsWith("default-src 'self'; script-src 'self' 'nonce-YTQyM2ZiNTktNjFh+/ZS00=';"), page);
        for (String closed : new String[] {"object-src 'none'", "frame-src 'none'", "worker-src 'none'", "media-src 'none'",
            "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self' https://login.example.org"}) {
            assertTrue(page.contains(closed), closed + " in " + page);
        }
    }

    @Test
    void withoutANonceNoInlineScript() {
        assertNull(ContentSecurityPolicy.nonceOf("script-src 'self'"));
        assertNull(ContentSecurityPolicy.nonceOf(null));
        String plain = policy.withoutInlineScripts();
        assertTrue(plain.startsWith("default-src 'self'; script-src 'self'; "), plain);
        assertEquals(plain.replace("script-src 'self';", "script-src 'self' 'nonce-abc';"), policy.withScriptNonce("abc"));
    }
}
