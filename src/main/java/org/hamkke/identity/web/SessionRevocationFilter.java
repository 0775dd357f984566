package org.hamkke.identity.web;

import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

import org.hamkke.identity.SessionRevocations;
import org.hamkke.identity.SignedIn;

/**
 * Ends the portal session when Keycloak has ended the person's session: either Keycloak told us
 * (back-channel logout, recorded in {@link SessionRevocations}) or the tokens could no longer be
 * refreshed (the user was disabled, the session expired) and the identity token has expired.
 *
 * <p>The database is asked at most every few seconds per session, not on every request.
 */
public class SessionRevocationFilter extends HttpFilter {

    private static final String CHECKED_AT = "hamkke.revocationCheckedAt";
    private static final long CHECK_EVERY_MILLIS = 3_000;

    @Inject
    SessionRevocations revocations;

    @Inject
    OpenIdContext openId;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (isStaticResource(request)) {
            chain.doFilter(request, response);
            return;
        }
        HttpSession session = request.getSession(false);
        SignedIn signedIn = SignedIn.of(request);
        if (session != null && signedIn != null && isDue(session) && hasEnded(signedIn)) {
            session.invalidate();
            request.logout();
            // Same address again, now as an anonymous visitor (a protected page then asks to sign in).
            String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
            response.sendRedirect(request.getRequestURI() + query);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isStaticResource(HttpServletRequest request) {
        String path = request.getServletPath();
        return path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/");
    }

    private static boolean isDue(HttpSession session) {
        long now = System.currentTimeMillis();
        Long last = (Long) session.getAttribute(CHECKED_AT);
        if (last != null && now - last < CHECK_EVERY_MILLIS) {
            return false;
        }
        session.setAttribute(CHECKED_AT, now);
        return true;
    }

    private boolean hasEnded(SignedIn signedIn) {
        return revocations.isRevoked(signedIn) || accessTokenDead();
    }

    /**
     * The mechanism refreshes the access token before it expires; when Keycloak refuses the
     * refresh (user disabled, session gone) the old token simply stays expired.
     */
    private boolean accessTokenDead() {
        try {
            var accessToken = openId.getAccessToken();
            return accessToken != null && accessToken.isExpired();
        } catch (RuntimeException noContext) {
            return false;
        }
    }

}
