package org.hamkke.shared.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import org.hamkke.identity.OidcConfig;

/**
 * Refuses a state-changing request sent from another site: a POST whose {@code Origin} (or, when
 * a browser sends none, {@code Referer}) is not the portal itself gets 403 before any page code
 * runs. Defence in depth behind Faces' view state and the {@code SameSite=Lax} session cookie
 * (OWASP's "verifying origin with standard headers").
 *
 * <p>The portal itself is its configured public address, or the scheme, host and port this
 * request was sent to (an instance reached directly, say behind the load balancer). A request
 * with neither header is not from a browser page and passes; the view state still guards it.
 * Keycloak's back-channel logout is server to server, signed, and exempt.
 */
public class SameOriginFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(SameOriginFilter.class.getName());
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> EXEMPT = Set.of("/oidc/backchannel-logout");

    @Inject
    OidcConfig config;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (SAFE.contains(request.getMethod()) || EXEMPT.contains(SitePath.dispatched(request))) {
            chain.doFilter(request, response);
            return;
        }
        String origin = request.getHeader("Origin");
        String referer = request.getHeader("Referer");
        if (origin == null && referer == null) {
            chain.doFilter(request, response);
            return;
        }
        // An Origin of "null" (a sandboxed frame, a privacy-redirected post) or garbage counts as foreign.
        String source = originOf(origin != null ? origin : referer);
        if (source != null && (source.equals(originOf(config.getBaseUrl())) || source.equals(ownOrigin(request)))) {
            chain.doFilter(request, response);
            return;
        }
        LOG.info(() -> "Refused a " + request.getMethod() + " to " + SitePath.loggable(request) + " from another origin");
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }

    /** scheme://host[:port] of an absolute URL, lower-cased, default ports left out; null if none. */
    static String originOf(String url) {
        if (url == null || url.equals("null")) {
            return null;
        }
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String ownOrigin(HttpServletRequest request) {
        return originOf(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort());
    }
}
