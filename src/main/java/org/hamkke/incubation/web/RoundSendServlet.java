package org.hamkke.incubation.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.identity.web.Language;
import org.hamkke.incubation.Assignments;
import org.hamkke.incubation.Matching;
import org.hamkke.shared.Refused;
import org.hamkke.shared.web.FormToken;
import org.hamkke.shared.web.PageMessages;
import org.hamkke.shared.web.RequestParams;
import org.hamkke.shared.web.SitePath;

/**
 * Sends the offers of a round staff reviewed on {@code /staff/matching.xhtml}: the post carries the
 * pairs the page showed ("venture:mentor,..."), never a new proposal, so what is sent is what was
 * read. Each offer goes through {@link Assignments#offer} in its own transaction: the ventures whose
 * mentor filled up (or stopped taking ventures) meanwhile are named in the answer, and the others
 * still go. A plain form (the session's
 * {@link FormToken}); the proposal it answers is drawn on a GET and is no Faces component to find
 * again on the post.
 */
@WebServlet(RoundSendServlet.PATH)
public class RoundSendServlet extends HttpServlet {

    static final String PATH = "/staff/matching/send";
    private static final int MAX_PAIRS = 2000;

    @Inject
    Matching matching;

    @Inject
    Assignments assignments;

    @Inject
    CurrentUser currentUser;

    @Inject
    Language language;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Long call = RequestParams.id(request.getParameter("call"));
        if (call == null || matching.programmes().stream().noneMatch(p -> p.id() == call)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String back = "/staff/matching.xhtml?call=" + call;
        Optional<LocalDate> startsOn = VentureOfferServlet.day(request.getParameter("startsOn"));
        Optional<LocalDate> endsOn = VentureOfferServlet.day(request.getParameter("endsOn"));
        if (!FormToken.matches(request)) {
            PageMessages.carry(request, true, "form.stale");
            SitePath.redirect(request, response, back);
            return;
        }
        if (startsOn.isEmpty() || endsOn.isEmpty()) {
            PageMessages.carry(request, true, "ventureMentors.dateFormat");
            SitePath.redirect(request, response, back + "&propose=1");
            return;
        }
        String pairs = String.valueOf(request.getParameter("pairs"));
        int sent = 0;
        List<String> refusals = new ArrayList<>();
        for (String pair : pairs.split(",", MAX_PAIRS + 1)) {
            String[] parts = pair.split(":");
            Long venture = parts.length == 3 ? RequestParams.id(parts[0]) : null;
            Long mentor = parts.length == 3 ? RequestParams.id(parts[1]) : null;
            if (venture == null || mentor == null) {
                continue;
            }
            Integer score = parts[2].matches("\\d{1,3}") ? Integer.valueOf(parts[2]) : null;
            try {
                assignments.offer(currentUser.actor(), venture, mentor, startsOn.get(), endsOn.get(), score);
                sent++;
            } catch (Refused refused) {
                String name = matching.venture(venture).map(Matching.VentureCard::name).orElse("#" + venture);
                refusals.add(name);
            }
        }
        if (refusals.isEmpty()) {
            PageMessages.carry(request, false, "round.sent", language.formatNumber(sent));
        } else {
            PageMessages.carry(request, true, "round.sentSome", language.formatNumber(sent), String.join("; ", refusals));
        }
        SitePath.redirect(request, response, back);
    }
}
