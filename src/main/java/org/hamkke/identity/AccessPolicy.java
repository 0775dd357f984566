package org.hamkke.identity;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Who may open which path of the portal: the coarse gate in front of every page and servlet.
 * Deny by default: public pages are a short explicit list, each area names its roles, and any
 * other path (one nobody thought of, a misspelt one) is for signed-in people only. Object-level
 * rules (this application, this file) live in the services' queries behind it.
 *
 * <p>The path given is the one the container dispatches (servlet path plus path info), never the
 * raw request URI; areas match whatever the letter case, so a case-insensitive file system could
 * not open {@code /STAFF/} to the wrong person either.
 */
public final class AccessPolicy {

    /** Marks an area any signed-in person may open. */
    public static final Set<Role> ANY_SIGNED_IN = Set.of(Role.values());

    /** Open to anyone, exactly these paths. */
    private static final Set<String> PUBLIC_PAGES = Set.of(
            "/", "/index.xhtml",
            // the sign-in's own addresses, and Keycloak's server-to-server logout call
            "/signin", "/callback", "/oidc/backchannel-logout",
            // the language switch (a post; it starts no session)
            "/language",
            // MicroProfile Health, for load balancers: up or down, and which dependency
            "/health",
            // the academy's catalog and a cohort's page (enrolling is under /me/)
            "/academy/catalog.xhtml", "/academy/cohort.xhtml",
            // a certificate's verification page, where its QR code points (a pasted credential is checked there too)
            "/verify.xhtml");

    /** Open to anyone, everything below these folders. */
    private static final List<String> PUBLIC_FOLDERS = List.of(
            // stylesheets, scripts and images served by Faces from resources/ and the libraries
            "/jakarta.faces.resource/",
            "/health/",
            // the academy's credentials for verifiers and wallets: issuer profile, public keys, revocation lists
            // (one servlet, academy.web.CredentialsServlet, answering 404 for anything else below it)
            "/credentials/",
            // the academy's calendar feeds (FeedServlet): a public cohort's, and a person's own at a
            // secret address, which is its own credential (calendar apps cannot sign in); anything
            // else below them answers 404
            "/feeds/cohort/", "/feeds/me/");

    private record Area(String folder, Set<Role> roles) {}

    /** The first matching folder wins. */
    private static final List<Area> AREAS = List.of(
            new Area("/admin/", Set.of(Role.ADMIN)),
            new Area("/staff/", Set.of(Role.STAFF, Role.ADMIN)),
            new Area("/mentor/", Set.of(Role.MENTOR)),
            new Area("/reviewer/", Set.of(Role.REVIEWER)),
            new Area("/venture/", Set.of(Role.ENTREPRENEUR)),
            new Area("/me/", ANY_SIGNED_IN),
            // Instructors are people named on a cohort, not a role: "teaches this cohort" is checked
            // per object in the academy's queries (Teaching), and anything else answers 404.
            new Area("/teach/", ANY_SIGNED_IN),
            // Attachments: whose file it is is checked per object, in the intake's query.
            new Area("/files/", ANY_SIGNED_IN));

    public enum Decision {
        ALLOW,
        SIGN_IN,
        DENY
    }

    private AccessPolicy() {}

    /**
     * @param path the dispatched path inside the portal, e.g. "/staff/index.xhtml"
     * @param signedIn whether anyone is signed in
     * @param hasRole the signed-in person's role test
     */
    public static Decision decide(String path, boolean signedIn, Predicate<Role> hasRole) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (isPublic(path)) {
            return Decision.ALLOW;
        }
        if (!signedIn) {
            return Decision.SIGN_IN;
        }
        String folder = lower.endsWith("/") ? lower : lower + "/";
        for (Area area : AREAS) {
            if (lower.startsWith(area.folder()) || folder.equals(area.folder())) {
                return area.roles().stream().anyMatch(hasRole) ? Decision.ALLOW : Decision.DENY;
            }
        }
        // Not a known area: signed-in people only, and the page itself answers (usually 404).
        return Decision.ALLOW;
    }

    /** Whether anyone may open the path, signed in or not (spelt exactly as listed). */
    public static boolean isPublic(String path) {
        return PUBLIC_PAGES.contains(path) || PUBLIC_FOLDERS.stream().anyMatch(path::startsWith);
    }
}
