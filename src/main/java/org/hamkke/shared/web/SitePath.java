package org.hamkke.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * Paths inside the portal: the one way the portal builds a redirect (sign-in's return, the
 * language switch, an ended session, sign-out's landing) and the one way it reads the path a
 * request is really for.
 *
 * <p>The container dispatches on the decoded, normalised path (servlet path plus path info); the
 * raw request URI may spell it differently ({@code //staff/}, {@code /%73taff/}, {@code /./staff/},
 * {@code /x/../staff/}, {@code /staff;a=b/}). Decisions use the dispatched path, and a request
 * whose raw path is not exactly its dispatched form is refused ({@link #canonical}), so no
 * spelling can reach a page by another name.
 */
public final class SitePath {

    /** Where anything unsafe goes instead. */
    public static final String HOME = "/";

    private static final int MAX_LENGTH = 2000;

    /** Folders whose addresses carry a secret in the path itself (a person's calendar feed): never logged past the folder. */
    private static final java.util.List<String> SECRET_FOLDERS = java.util.List.of("/feeds/me/");

    private SitePath() {}

    /**
     * The candidate if it is a safe path inside the portal ("/me/", "/staff/x.xhtml?call=3"), else
     * "/". Safe: one leading slash, printable ASCII only (no spaces, controls or backslashes), no
     * dot segments or encoded slashes that a browser or proxy could resolve elsewhere, not the
     * sign-in's own addresses (a loop), not WEB-INF; at most 2,000 characters.
     */
    public static String sanitise(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
            return HOME;
        }
        int fragment = candidate.indexOf('#');
        String value = fragment < 0 ? candidate : candidate.substring(0, fragment);
        if (!value.startsWith("/") || value.startsWith("//")) {
            return HOME;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '\\') {
                return HOME;
            }
        }
        int query = value.indexOf('?');
        String path = (query < 0 ? value : value.substring(0, query)).toLowerCase(Locale.ROOT);
        if (path.contains("/./") || path.contains("/../") || path.endsWith("/.") || path.endsWith("/..")
                || path.contains("%2f") || path.contains("%5c") || path.contains("%2e") || path.contains(";")
                || path.startsWith("/signin") || path.startsWith("/callback") || path.startsWith("/web-inf")
                || path.startsWith("/meta-inf")) {
            return HOME;
        }
        return value;
    }

    /** Redirects to a path inside the portal, sanitised here whatever the caller passed. */
    public static void redirect(HttpServletRequest request, HttpServletResponse response, String sitePath) throws IOException {
        response.sendRedirect(request.getContextPath() + sanitise(sitePath));
    }

    /** The path the container dispatched this request to: servlet path plus path info. */
    public static String dispatched(HttpServletRequest request) {
        String info = request.getPathInfo();
        return request.getServletPath() + (info == null ? "" : info);
    }

    /** The dispatched path as a log line may show it: a secret in the path is left out ("/feeds/me/…"). */
    public static String loggable(HttpServletRequest request) {
        return loggable(dispatched(request));
    }

    static String loggable(String path) {
        for (String folder : SECRET_FOLDERS) {
            if (path.regionMatches(true, 0, folder, 0, folder.length())) {
                return path.substring(0, folder.length()) + "…";
            }
        }
        return path;
    }

    /**
     * The request's path as the person asked for it, when that is exactly what the container
     * dispatched (a folder address such as {@code /staff/} may stand for its welcome page
     * {@code /staff/index.xhtml}); empty when the raw path spells it any other way.
     */
    public static Optional<String> canonical(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        if (uri == null || !uri.startsWith(context)) {
            return Optional.empty();
        }
        return canonical(uri.substring(context.length()), dispatched(request));
    }

    static Optional<String> canonical(String raw, String dispatched) {
        if (raw.equals(dispatched)) {
            return Optional.of(raw);
        }
        if (raw.endsWith("/") && dispatched.equals(raw + "index.xhtml")) {
            return Optional.of(raw);
        }
        // A folder asked without its slash: the container answers with a redirect to add it.
        if (dispatched.equals(raw + "/") || dispatched.equals(raw + "/index.xhtml")) {
            return Optional.of(raw);
        }
        return Optional.empty();
    }

    /** This request's own address (canonical path and query) as a sanitised redirect target. */
    public static String current(HttpServletRequest request) {
        String path = canonical(request).orElse(dispatched(request));
        String query = request.getQueryString();
        return sanitise(query == null ? path : path + "?" + query);
    }
}
