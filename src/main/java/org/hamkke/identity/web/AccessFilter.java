package org.hamkke.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
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

    private static final String NOT_AVAILABLE = "/WEB-INF/errorpages/not-available.xhtml";

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
            case DENY -> deny(request, response);
        }
    }

    /**
     * The "not available" page with 403. A refused post (a form from a role the person no longer
     * has, or a forged one) is shown that page as if it were a plain GET: rendered as the error page
     * of a post, Faces would take it for a postback of that page and fail on its missing state.
     */
    private static void deny(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        request.getRequestDispatcher(NOT_AVAILABLE).forward(new HttpServletRequestWrapper(request) {
            @Override
            public String getMethod() {
                return "GET";
            }

            @Override
            public String getParameter(String name) {
                return null;
            }

            @Override
            public Map<String, String[]> getParameterMap() {
                return Map.of();
            }

            @Override
            public Enumeration<String> getParameterNames() {
                return Collections.emptyEnumeration();
            }

            @Override
            public String[] getParameterValues(String name) {
                return null;
            }
        }, response);
    }

}
