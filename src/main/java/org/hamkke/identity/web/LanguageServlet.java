package org.hamkke.identity.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.hamkke.identity.Languages;
import org.hamkke.identity.PersonService;
import org.hamkke.identity.SignedIn;
import org.hamkke.shared.web.SitePath;

/**
 * The language switch in the top bar, a form post: remembers the choice in the browser's cookie
 * and, for a signed-in person, on their profile (their e-mails follow it), then goes back to the
 * page (a sanitised path inside the portal). Starts no session. A post, because it changes stored
 * state; the same-origin check in front of every post keeps other sites from sending it.
 */
@WebServlet("/language")
public class LanguageServlet extends HttpServlet {

    @Inject
    PersonService people;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> chosen = Languages.fromParameter(request.getParameter("lang"));
        if (chosen.isPresent()) {
            LanguageFilter.remember(request, response, chosen.get());
            SignedIn signedIn = SignedIn.of(request);
            if (signedIn != null) {
                people.changeMyLocale(chosen.get());
            }
        }
        SitePath.redirect(request, response, request.getParameter("return"));
    }
}
