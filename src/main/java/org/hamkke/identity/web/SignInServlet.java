package org.hamkke.identity.web;

import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hamkke.identity.KeycloakReachability;
import org.hamkke.shared.web.SitePath;

/**
 * "Sign in": asks the sign-in mechanism ({@link OidcSignIn}) to send the person to Keycloak,
 * remembering the page they were on ({@code ?return=}, sanitised to a path inside the portal).
 */
@WebServlet("/signin")
public class SignInServlet extends HttpServlet {

    @Inject
    KeycloakReachability keycloak;

    @Inject
    SecurityContext security;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String returnTo = SitePath.sanitise(request.getParameter("return"));
        if (request.getUserPrincipal() != null) {
            SitePath.redirect(request, response, returnTo);
            return;
        }
        if (!keycloak.isReachable()) {
            // Rather the friendly "temporarily unavailable" page than a hang and a stack trace.
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        request.setAttribute(OidcSignIn.RETURN_TO, returnTo);
        security.authenticate(request, response, AuthenticationParameters.withParams().newAuthentication(true));
    }
}
