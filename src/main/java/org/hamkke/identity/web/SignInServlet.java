package org.hamkke.identity.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hamkke.identity.KeycloakReachability;
import org.hamkke.identity.ReturnPath;

/**
 * "Sign in": remembers where the person was and sends them to {@code /signin/keycloak}, which the
 * container protects, so the OpenID Connect mechanism takes them to Keycloak's login page.
 */
@WebServlet("/signin")
public class SignInServlet extends HttpServlet {

    @Inject
    KeycloakReachability keycloak;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String returnTo = ReturnPath.sanitise(request.getParameter("return"));
        if (request.getUserPrincipal() != null) {
            response.sendRedirect(request.getContextPath() + returnTo);
            return;
        }
        if (!keycloak.isReachable()) {
            // Rather the friendly "temporarily unavailable" page than a hang and a stack trace.
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        request.getSession().setAttribute(ReturnPath.SESSION_ATTRIBUTE, returnTo);
        response.sendRedirect(request.getContextPath() + "/signin/keycloak");
    }
}
