package org.hamkke.identity.web;

import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.logging.Logger;
import org.hamkke.identity.Person;
import org.hamkke.identity.PersonService;
import org.hamkke.identity.ReturnPath;
import org.hamkke.identity.SignInClaims;
import org.hamkke.identity.SignedIn;

/**
 * Where Keycloak sends the browser back to. The OpenID Connect mechanism has already exchanged
 * the code and validated the tokens by the time this runs; here the local Person is created or
 * refreshed and the person is sent on to where they were going.
 *
 * <p>Also reached with an {@code error} parameter (the person cancelled, or Keycloak refused):
 * that must end on a page, not in a redirect loop back to Keycloak.
 */
@WebServlet({"/callback", "/signin/keycloak"})
public class CallbackServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(CallbackServlet.class.getName());

    @Inject
    OpenIdContext openId;

    @Inject
    PersonService people;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getUserPrincipal() == null) {
            String error = request.getParameter("error");
            if (error != null) {
                LOG.info(() -> "Sign-in did not complete: " + error.replaceAll("[^a-z_]", ""));
            }
            response.sendRedirect(request.getContextPath() + "/?signin=failed");
            return;
        }
        HttpSession session = request.getSession();
        String returnTo = ReturnPath.sanitise((String) session.getAttribute(ReturnPath.SESSION_ATTRIBUTE));
        session.removeAttribute(ReturnPath.SESSION_ATTRIBUTE);

        if (session.getAttribute(SignedIn.SESSION_ATTRIBUTE) == null) {
            var claims = openId.getClaims();
            Person person = people.recordSignIn(new SignInClaims(
                    openId.getSubject(),
                    claims.getPreferredUsername().orElse(request.getUserPrincipal().getName()),
                    claims.getName().orElse(null),
                    claims.getEmail().orElse(null),
                    claims.getLocale().orElse(null),
                    CurrentUser.rolesOf(request)));
            String sid = (String) openId.getIdentityToken().getClaims().get("sid");
            // A new session id at the privilege change: a fixated id is worth nothing.
            request.changeSessionId();
            session.setAttribute(SignedIn.SESSION_ATTRIBUTE, new SignedIn(
                    person.getId(), person.getSubject(), person.getUsername(), person.getDisplayName(), sid, java.time.Instant.now()));
            // The language chosen on this device wins; a new device starts in the profile's.
            String chosenHere = LanguageFilter.remembered(request);
            if (chosenHere != null) {
                people.changeLocale(person.getSubject(), chosenHere);
            } else if (person.getLocale() != null) {
                LanguageFilter.remember(request, response, person.getLocale());
            }
        }
        response.sendRedirect(request.getContextPath() + returnTo);
    }
}
