package org.hamkke.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

/**
 * Who is signed in to this HTTP session: all the portal keeps of a sign-in, as one session
 * attribute. Plain serialisable values only (no container or CDI object), so a replicated
 * session carries it to any instance, which then knows the person without asking Keycloak.
 *
 * @param personId the Person's id in the portal's database
 * @param roles the realm roles at sign-in (or at the last token refresh)
 * @param sid Keycloak's session id from the ID token: a back-channel logout names it
 * @param at when the person signed in
 * @param idToken kept for sign-out ({@code id_token_hint}): Keycloak then ends its session without asking
 * @param refreshToken renews the tokens; when Keycloak refuses it (user disabled, session gone) the portal session ends
 * @param refreshAt when the tokens are renewed next (the access token's expiry)
 */
public record SignedIn(
        long personId,
        String subject,
        String username,
        String displayName,
        Set<Role> roles,
        String sid,
        Instant at,
        String idToken,
        String refreshToken,
        Instant refreshAt)
        implements Serializable {

    public static final String SESSION_ATTRIBUTE = "hamkke.signedIn";

    public SignedIn {
        roles = Set.copyOf(roles);
    }

    /** The person signed in to this request's session, or null. Never starts a session. */
    public static SignedIn of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (SignedIn) session.getAttribute(SESSION_ATTRIBUTE);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public SignedIn renewed(Set<Role> newRoles, String newIdToken, String newRefreshToken, Instant nextRefresh) {
        return new SignedIn(personId, subject, username, displayName, newRoles, sid, at,
                newIdToken == null ? idToken : newIdToken,
                newRefreshToken == null ? refreshToken : newRefreshToken,
                nextRefresh);
    }

    /** Names the person, never the tokens: a record's default would print them into any log it reached. */
    @Override
    public String toString() {
        return "SignedIn[" + username + " (" + personId + ") " + roles + " since " + at + "]";
    }
}
