package org.hamkke.shared.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.hamkke.identity.OidcConfig;

/**
 * Security headers on every response: one Content-Security-Policy ({@link ContentSecurityPolicy};
 * a page's own nonce goes into it when PrimeFaces adds its header), no sniffing, no framing, a
 * careful referrer, no camera, microphone or location.
 *
 * <p>Strict-Transport-Security when the request came over HTTPS. Behind a proxy that ends TLS the
 * portal sees plain HTTP; the listener takes the scheme from the proxy's {@code X-Forwarded-Proto}
 * ({@code scheme-mapping} in {@code src/main/payara/pre-boot.asadmin}), so {@code isSecure()} is
 * true there, and the session and language cookies are {@code Secure} too.
 */
public class SecurityHeadersFilter extends HttpFilter {

    private static final String CSP = "Content-Security-Policy";

    @Inject
    OidcConfig oidc;

    private ContentSecurityPolicy policy;

    @Override
    public void init() {
        policy = new ContentSecurityPolicy(oidc.getProviderOrigin());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader(CSP, policy.withoutInlineScripts());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        chain.doFilter(request, new OnePolicy(response, policy));
    }

    /** Turns a policy someone else adds (PrimeFaces', with the page's nonce) into ours with that nonce: one header, never two. */
    private static final class OnePolicy extends HttpServletResponseWrapper {

        private final ContentSecurityPolicy policy;

        OnePolicy(HttpServletResponse response, ContentSecurityPolicy policy) {
            super(response);
            this.policy = policy;
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, CSP.equalsIgnoreCase(name) ? ours(value) : value);
        }

        @Override
        public void addHeader(String name, String value) {
            if (CSP.equalsIgnoreCase(name)) {
                super.setHeader(name, ours(value));
            } else {
                super.addHeader(name, value);
            }
        }

        private String ours(String theirs) {
            String nonce = ContentSecurityPolicy.nonceOf(theirs);
            return nonce == null ? policy.withoutInlineScripts() : policy.withScriptNonce(nonce);
        }
    }
}
