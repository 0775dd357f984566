package org.hamkke.identity.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hamkke.identity.PersonService;
import org.hamkke.identity.SignedIn;
import org.hamkke.shared.web.SitePath;

/**
 * Where Keycloak sends the browser back to. The sign-in mechanism ({@link OidcSignIn}) has already
 * checked the answer and recorded the person by the time this runs; here the person is sent on to
 * where they were going, in the language they chose on this device.
 *
 * <p>Also reached with an {@code error} parameter (the person cancelled, or Keycloak refused), a
 * stale or foreign {@code state}, or no session at all: that ends on the home page with a word,
 * never in a redirect loop back to Keycloak.
 */
@WebServlet("/callback")
public class CallbackServlet extends HttpServlet {

    @Inject
    PersonService people;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object returnTo = request.getAttribute(OidcSignIn.RETURN_TO);
        SignedIn signedIn = SignedIn.of(request);
        if (signedIn == null || returnTo == null) {
            if (request.getAttribute(OidcSignIn.UNAVAILABLE) != null) {
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                return;
            }
            SitePath.redirect(request, response, signedIn == null ? "/?signin=failed" : SitePath.HOME);
            return;
        }
        // The language chosen on this device wins; a new device starts in the profile's.
        String chosenHere = LanguageFilter.remembered(request);
        if (chosenHere != null) {
            people.changeMyLocale(chosenHere);
        } else {
            people.findMe()
                    .map(person -> person.getLocale())
                    .ifPresent(locale -> LanguageFilter.remember(request, response, locale));
        }
        SitePath.redirect(request, response, returnTo.toString());
    }
}
