package org.hamkke.shared.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

/** The error pages as answers code can give directly. */
public final class ErrorPages {

    private static final String NOT_AVAILABLE = "/WEB-INF/errorpages/not-available.xhtml";

    private ErrorPages() {}

    /**
     * The "not available" page with 403. A refused post (a form from a role the person no longer
     * has, or a forged one) is shown that page as if it were a plain GET: rendered as the error page
     * of a post, Faces would take it for a postback of that page and fail on its missing state.
     */
    public static void notAvailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        try {
            request.getRequestDispatcher(NOT_AVAILABLE).forward(new AsPlainGet(request), response);
        } catch (ServletException e) {
            throw new IOException(e);
        }
    }

    /** The request seen as a GET without parameters. */
    private static final class AsPlainGet extends HttpServletRequestWrapper {
        AsPlainGet(HttpServletRequest request) {
            super(request);
        }

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
    }
}
