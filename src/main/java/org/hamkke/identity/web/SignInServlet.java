package org.hamkke.identity.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hamkke.identity.ReturnPath;

/**
 * "Sign in": remembers where the person was and sends them to {@code /signin/keycloak}, which the
 * container protects, so the OpenID Connect mechanism takes them to Keycloak's login page.
 */
@WebServlet("/signin")
public class SignInServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String returnTo = ReturnPath.sanitise(request.getParameter("return"));
        if (request.getUserPrincipal() != null) {
            response.sendRedirect(request.getContextPath() + returnTo);
            return;
        }
        request.getSession().setAttribute(ReturnPath.SESSION_ATTRIBUTE, returnTo);
        response.sendRedirect(request.getContextPath() + "/signin/keycloak");
    }
}
