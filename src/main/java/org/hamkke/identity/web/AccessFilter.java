package org.hamkke.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.hamkke.identity.AccessPolicy;
import org.hamkke.identity.Role;
import org.hamkke.shared.web.ErrorPages;
import org.hamkke.shared.web.SitePath;


/**
 * The gate in front of every page and servlet ({@link AccessPolicy}): an anonymous visitor is sent
 * to sign in (and brought back afterwards); a signed-in person without the role gets the "not
 * available" page (403).
 *
 * <p>It decides on the path the container dispatches, and first refuses with 404 any request whose
 * raw path spells that path another way ({@code //staff/}, {@code /%73taff/}, {@code /./staff/},
 * {@code /x/../staff/}, {@code /staff;a=b/}, {@code /staff%2f...}): those are never links of the
 * portal's own, and refusing them means no spelling can slip a page past the gate. Methods other
 * than GET, HEAD and POST are refused too (405).
 *
 * <p>A filter rather than web.xml security constraints, because a constraint hands the request to
 * the sign-in mechanism before any code of ours runs, and the page the person asked for would be
 * forgotten.
 */
public class AccessFilter extends HttpFilter {

    private static final String NOT_AVAILABLE = "/WEB-INF/errorpages/not-available.xhtml";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!METHODS.contains(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD, POST");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        if (SitePath.canonical(request).isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Set<Role> roles = CurrentUser.rolesOf(request);
        switch (AccessPolicy.decide(SitePath.dispatched(request), request.getUserPrincipal() != null, roles::contains)) {
            case ALLOW -> chain.doFilter(request, response);
            // A fixed address; the page to come back to travels encoded, and is sanitised again on return.
            case SIGN_IN -> response.sendRedirect(request.getContextPath() + "/signin?return="
                    + URLEncoder.encode(SitePath.current(request), StandardCharsets.UTF_8));
            case DENY -> ErrorPages.notAvailable(request, response);
        }
    }

}
