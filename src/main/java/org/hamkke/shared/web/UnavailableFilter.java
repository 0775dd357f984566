package org.hamkke.shared.web;

import jakarta.persistence.PersistenceException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.logging.Logger;
import org.hamkke.shared.TemporarilyUnavailableException;

/**
 * Turns "the database is not answering", however deeply the container wrapped it (a CDI
 * lifecycle exception around a JPA exception around a pool exception), into status 503 and the
 * friendly "temporarily unavailable" page, logged in one line. Anything else goes on to the
 * generic error page.
 */
public class UnavailableFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(UnavailableFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            Throwable cause = unavailableCause(e);
            if (cause == null || response.isCommitted()) {
                throw e;
            }
            LOG.warning(() -> "Temporarily unavailable for " + request.getRequestURI() + ": " + cause);
            response.reset();
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
    }

    static Throwable unavailableCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TemporarilyUnavailableException
                    || t instanceof PersistenceException
                    || t instanceof SQLException) {
                return t;
            }
        }
        return null;
    }
}
