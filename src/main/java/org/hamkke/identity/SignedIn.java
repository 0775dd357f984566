package org.hamkke.identity;

import java.io.Serializable;
import java.time.Instant;

/**
 * Who is signed in to this HTTP session, kept as a session attribute (serialisable, so a
 * replicated session carries it to any node).
 *
 * @param personId the Person's id in the portal's database
 * @param sid Keycloak's session id from the ID token: a back-channel logout names it
 */
public record SignedIn(long personId, String subject, String username, String displayName, String sid, Instant at)
        implements Serializable {

    public static final String SESSION_ATTRIBUTE = "hamkke.signedIn";

    /** The person signed in to this request's session, or null. */
    public static SignedIn of(jakarta.servlet.http.HttpServletRequest request) {
        var session = request.getSession(false);
        return session == null ? null : (SignedIn) session.getAttribute(SESSION_ATTRIBUTE);
    }
}
