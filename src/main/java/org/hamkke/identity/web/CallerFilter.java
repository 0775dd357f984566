package org.hamkke.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hamkke.identity.Callers;
import org.hamkke.identity.SignedIn;

/**
 * Tells the services' {@code @Allowed} check whom this request serves: the person signed in to
 * its session, for the whole request including forwards and error pages, and nobody afterwards.
 */
public class CallerFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        SignedIn before = Callers.serve(request.getUserPrincipal() == null ? null : SignedIn.of(request));
        try {
            chain.doFilter(request, response);
        } finally {
            Callers.restore(before);
        }
    }
}
