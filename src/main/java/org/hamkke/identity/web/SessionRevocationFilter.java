package org.hamkke.identity.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import java.util.logging.Logger;
import org.hamkke.identity.OidcProvider;
import org.hamkke.identity.SessionRevocations;
import org.hamkke.identity.SignedIn;
import org.hamkke.shared.web.SitePath;

/**
 * Ends the portal session when Keycloak has ended the person's session: either Keycloak told us
 * (back-channel logout, recorded in {@link SessionRevocations}) or it refuses to renew the tokens
 * (the user was disabled, the session expired or was ended by an administrator).
 *
 * <p>The tokens are renewed when the access token expires (a few minutes), with the refresh token
 * kept in {@link SignedIn}; the roles follow the renewed ID token, so a role taken away in
 * Keycloak is gone within that time. While Keycloak does not answer at all, the session goes on:
 * an outage of the sign-in server should not sign everyone out.
 *
 * <p>The database is asked at most every few seconds per session, not on every request.
 */
public class SessionRevocationFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(SessionRevocationFilter.class.getName());
    private static final String CHECKED_AT = "hamkke.revocationCheckedAt";
    private static final long CHECK_EVERY_MILLIS = 3_000;

    @Inject
    SessionRevocations revocations;

    @Inject
    OidcProvider provider;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getServletPath().startsWith("/jakarta.faces.resource/")) {
            chain.doFilter(request, response);
            return;
        }
        HttpSession session = request.getSession(false);
        SignedIn signedIn = SignedIn.of(request);
        if (session != null && signedIn != null && isDue(session) && hasEnded(session, signedIn)) {
            request.logout();
            session.invalidate();
            // Same address again, now as an anonymous visitor (a protected page then asks to sign in).
            SitePath.redirect(request, response, SitePath.current(request));
            return;
        }
        chain.doFilter(request, response);
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

    private boolean hasEnded(HttpSession session, SignedIn signedIn) {
        return revocations.isRevoked(signedIn) || !renewedIfDue(session, signedIn);
    }

    /** False when Keycloak refused to renew the tokens: its session is over. */
    private boolean renewedIfDue(HttpSession session, SignedIn signedIn) {
        if (signedIn.refreshAt() == null || Instant.now().isBefore(signedIn.refreshAt()) || signedIn.refreshToken() == null) {
            return true;
        }
        try {
            OidcProvider.Tokens tokens = provider.refresh(signedIn.refreshToken());
            OidcProvider.IdToken id = tokens.idToken() == null ? null : provider.validate(tokens.idToken(), null);
            if (id != null && !id.subject().equals(signedIn.subject())) {
                return false;
            }
            session.setAttribute(SignedIn.SESSION_ATTRIBUTE, signedIn.renewed(
                    id == null ? signedIn.roles() : id.roles(), tokens.idToken(), tokens.refreshToken(), tokens.accessExpiresAt()));
            return true;
        } catch (OidcProvider.Refused refused) {
            LOG.info(() -> "Keycloak ended the session of person " + signedIn.personId() + ": " + refused.getMessage());
            return false;
        } catch (IOException | RuntimeException unreachable) {
            LOG.warning(() -> "Could not renew the tokens of person " + signedIn.personId() + ", keeping the session: " + unreachable);
            return true;
        }
    }
}
