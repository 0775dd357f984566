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


/**
 * The gate in front of each area: an anonymous visitor is sent to sign in (and brought back
 * afterwards); a signed-in person without the role gets the "not available" page.
 *
 * <p>A filter rather than web.xml security constraints, because a constraint hands the request to
 * the OpenID Connect mechanism before any code of ours runs, and the page the person asked for
 * would be forgotten.
 */
public class AccessFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Set<Role> roles = CurrentUser.rolesOf(request);
        switch (AccessPolicy.decide(path, request.getUserPrincipal() != null, roles::contains)) {
            case ALLOW -> chain.doFilter(request, response);
            case SIGN_IN -> {
                String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
                response.sendRedirect(request.getContextPath() + "/signin?return="
                        + URLEncoder.encode(path + query, StandardCharsets.UTF_8));
            }
            case DENY -> response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }

}
