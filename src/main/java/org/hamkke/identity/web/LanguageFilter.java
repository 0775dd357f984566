package org.hamkke.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Optional;
import org.hamkke.identity.Languages;
import org.hamkke.shared.web.SitePath;

/**
 * Decides the language of each request and remembers a choice.
 *
 * <p>A link with {@code ?lang=ar} (one shared in a message, say) stores the choice in a long-lived
 * cookie of its own, never a session, and redirects to the same address without the parameter,
 * which keeps addresses clean and pages cacheable. A GET changes nothing else: a signed-in person's
 * profile language (which their e-mails follow) changes by the language form's post
 * ({@link LanguageServlet}).
 */
public class LanguageFilter extends HttpFilter {

    public static final String COOKIE = "hamkke_lang";
    public static final String REQUEST_ATTRIBUTE = "hamkke.language";
    private static final int ONE_YEAR = 365 * 24 * 3600;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // From the query string only: getParameter would read (and fix the encoding of) a form body.
        Optional<String> chosen = Languages.fromParameter(queryParameter(request, "lang"));
        if (chosen.isPresent() && "GET".equals(request.getMethod())) {
            remember(request, response, chosen.get());
            SitePath.redirect(request, response, withoutLanguageParameter(request));
            return;
        }
        String language = Languages.resolve(
                null, remembered(request), null, Collections.list(request.getLocales()));
        request.setAttribute(REQUEST_ATTRIBUTE, language);
        chain.doFilter(request, response);
    }

    /**
     * The language of this request: as decided by this filter, or, for code that runs before it
     * (the sign-in mechanism, the upload limit), worked out the same way from the cookie and the
     * browser's languages.
     */
    public static String languageOf(HttpServletRequest request) {
        Object decided = request.getAttribute(REQUEST_ATTRIBUTE);
        if (decided instanceof String code) {
            return code;
        }
        return Languages.resolve(null, remembered(request), null, Collections.list(request.getLocales()));
    }

    static String queryParameter(HttpServletRequest request, String name) {
        String query = request.getQueryString();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(pair.substring(name.length() + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    public static String remembered(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName())) {
                return Languages.supportedOrNull(cookie.getValue());
            }
        }
        return null;
    }

    public static void remember(HttpServletRequest request, HttpServletResponse response, String language) {
        Cookie cookie = new Cookie(COOKIE, language);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(ONE_YEAR);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        response.addCookie(cookie);
    }

    /** This address without {@code lang=}, as a sanitised path inside the portal. */
    static String withoutLanguageParameter(HttpServletRequest request) {
        String current = SitePath.current(request);
        int query = current.indexOf('?');
        if (query < 0) {
            return current;
        }
        String kept = java.util.Arrays.stream(current.substring(query + 1).split("&"))
                .filter(p -> !p.isEmpty() && !p.startsWith("lang="))
                .collect(java.util.stream.Collectors.joining("&"));
        return current.substring(0, query) + (kept.isEmpty() ? "" : "?" + kept);
    }
}
