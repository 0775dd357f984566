package org.hamkke.notification.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hamkke.identity.SignedIn;
import org.hamkke.notification.NotificationService;
import org.hamkke.shared.web.RequestParams;
import org.hamkke.shared.web.SitePath;

/**
 * Opening a notice: marks it read and goes to its page. Only the recipient's own notices open; any
 * other id answers 404, the same as one that does not exist, so ids reveal nothing.
 */
@WebServlet("/me/notices/open")
public class NoticeOpenServlet extends HttpServlet {

    @Inject
    NotificationService notifications;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SignedIn signedIn = SignedIn.of(request);
        Long id = RequestParams.id(request.getParameter("id"));
        if (signedIn == null || id == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        var link = notifications.open(signedIn.personId(), id);
        if (link.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        SitePath.redirect(request, response, link.get());
    }
}
