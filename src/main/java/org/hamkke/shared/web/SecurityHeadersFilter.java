package org.hamkke.shared.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hamkke.identity.OidcConfig;

/**
 * Security headers on every response.
 *
 * <p>The Content-Security-Policy here restricts everything but scripts. PrimeFaces, with
 * {@code primefaces.CSP} on, sends its own policy for scripts with a per-request nonce (and moves
 * inline event handlers into nonce'd scripts); a browser enforces both policies. Forms may post
 * to the portal and to Keycloak (signing out ends at Keycloak's logout endpoint).
 */
public class SecurityHeadersFilter extends HttpFilter {

    @Inject
    OidcConfig oidc;

    private String policy;

    @Override
    public void init() {
        policy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:;"
                + " connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none';"
                + " form-action 'self' " + oidc.getProviderOrigin() + ";";
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", policy.replace("default-src 'self'; ", ""));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        chain.doFilter(request, response);
    }
}
