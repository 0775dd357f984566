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
import org.hamkke.identity.NotAllowedException;
import org.hamkke.shared.TemporarilyUnavailableException;

/**
 * Gives failures that are not a page's bug their proper answer, however deeply the container
 * wrapped them (a CDI lifecycle exception around a JPA exception around a pool exception):
 * "the database is not answering" becomes 503 and the friendly "temporarily unavailable" page, a
 * service refusing its caller ({@link NotAllowedException}) becomes the "not available" page
 * (403). Each is logged in one line. Anything else goes on to the generic error page.
 */
public class FailureStatusFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(FailureStatusFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            if (causeOfType(e, NotAllowedException.class) != null) {
                response.reset();
                ErrorPages.notAvailable(request, response);
                return;
            }
            Throwable cause = unavailableCause(e);
            if (cause == null) {
                throw e;
            }
            LOG.warning(() -> "Temporarily unavailable for " + SitePath.loggable(request) + ": " + cause);
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

    static Throwable causeOfType(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }
}
