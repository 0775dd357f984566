package org.hamkke.incubation.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.incubation.Assignments;
import org.hamkke.incubation.Matching;
import org.hamkke.shared.Problem;
import org.hamkke.shared.Refused;
import org.hamkke.shared.web.FormToken;
import org.hamkke.shared.web.PageMessages;
import org.hamkke.shared.web.RequestParams;
import org.hamkke.shared.web.SitePath;

/**
 * Staff offer a mentor to a venture from its ranked list ({@code /staff/venture.xhtml}): a plain
 * form whose pressed button names the mentor, answered by a redirect back with a message.
 *
 * <p>Why not a Faces action in the list: a row's button would be found again by its place in a
 * list computed anew on the post, and that list changes when anyone offers meanwhile (a mentor at
 * their cap drops out, places left reorder it): the press could land on another mentor, or on
 * nothing at all. Here the mentor is in the post itself, the score is computed again from the
 * programme's weights, and {@link Assignments#offer} (the database, in fact) holds the cap. The
 * form carries the session's {@link FormToken}. A refused offer comes back with the dates typed.
 */
@WebServlet(VentureOfferServlet.PATH)
public class VentureOfferServlet extends HttpServlet {

    static final String PATH = "/staff/venture/offer";

    @Inject
    Matching matching;

    @Inject
    Assignments assignments;

    @Inject
    CurrentUser currentUser;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Long ventureId = RequestParams.id(request.getParameter("venture"));
        Optional<Matching.VentureCard> venture = ventureId == null ? Optional.empty() : matching.venture(ventureId);
        if (venture.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String back = "/staff/venture.xhtml?id=" + ventureId;
        Long mentor = RequestParams.id(request.getParameter("mentor"));
        Optional<LocalDate> startsOn = day(request.getParameter("startsOn"));
        Optional<LocalDate> endsOn = day(request.getParameter("endsOn"));
        if (!FormToken.matches(request)) {
            PageMessages.carry(request, true, "form.stale");
        } else if (mentor == null) {
            PageMessages.carry(request, true, "incubation.assignment.noMentor");
        } else if (startsOn.isEmpty() && present(request.getParameter("startsOn")) || endsOn.isEmpty() && present(request.getParameter("endsOn"))) {
            PageMessages.carry(request, true, "ventureMentors.dateFormat");
        } else {
            Integer score = matching.ranked(venture.get()).stream().filter(r -> r.mentor().mentorId() == mentor)
                    .map(r -> r.score().total()).findFirst().orElse(null);
            try {
                assignments.offer(currentUser.actor(), ventureId, mentor, startsOn.orElse(null), endsOn.orElse(null), score);
                PageMessages.carry(request, false, "ventureMentors.offered");
                SitePath.redirect(request, response, back);
                return;
            } catch (Refused refused) {
                Problem first = refused.problems().getFirst();
                PageMessages.carry(request, true, first.key(), first.arg() == null ? "" : first.arg());
            }
        }
        // Back with what was typed, so nothing is lost.
        SitePath.redirect(request, response, back + startsOn.map(d -> "&startsOn=" + d).orElse("") + endsOn.map(d -> "&endsOn=" + d).orElse(""));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** A day written as the date field sends it (2027-05-01); empty for anything else. */
    static Optional<LocalDate> day(String value) {
        if (value == null || value.length() != 10) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
