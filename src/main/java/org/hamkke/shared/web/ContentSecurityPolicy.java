package org.hamkke.shared.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portal's Content-Security-Policy: everything from the portal itself by default; scripts only
 * from the portal's own files and, on pages, inline scripts carrying the page's nonce; no plug-ins,
 * frames, workers or media (the portal has none, so none can be slipped in); styles may be inline
 * (PrimeFaces writes style attributes); forms may post to the portal and to Keycloak (signing out
 * ends at Keycloak's logout endpoint); no page may be framed.
 *
 * <p>PrimeFaces ({@code primefaces.CSP}) makes a nonce per page, puts it on every script it
 * writes and adds a header of its own, {@code script-src 'self' 'nonce-…'}. A browser enforces
 * every policy it is sent, so a second header of ours with {@code default-src 'self'} would block
 * those nonce'd scripts (which is why this header once went without {@code default-src}). Instead
 * there is one header: PrimeFaces' is taken for its nonce and replaced by this whole policy
 * carrying that nonce ({@link SecurityHeadersFilter}).
 */
public final class ContentSecurityPolicy {

    private static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=_-]+)'");

    private final String before;
    private final String after;

    /** @param keycloakOrigin where sign-out forms end, e.g. {@code https://login.example.org} */
    public ContentSecurityPolicy(String keycloakOrigin) {
        before = "default-src 'self'; script-src 'self'";
        after = "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self';"
                + " media-src 'none'; object-src 'none'; frame-src 'none'; worker-src 'none'; manifest-src 'self';"
                + " base-uri 'self'; form-action 'self' " + keycloakOrigin + "; frame-ancestors 'none'";
    }

    /** For responses without scripts of their own: files, health, errors outside Faces. */
    public String withoutInlineScripts() {
        return before + after;
    }

    /** For a page whose inline scripts carry this nonce. */
    public String withScriptNonce(String nonce) {
        return before + " 'nonce-" + nonce + "'" + after;
    }

    /** The nonce in another policy (PrimeFaces'), or null. */
    public static String nonceOf(String policy) {
        Matcher m = NONCE.matcher(policy == null ? "" : policy);
        return m.find() ? m.group(1) : null;
    }
}
