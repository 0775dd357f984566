package org.hamkke.academy.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hamkke.academy.EnrolmentStatus;
import org.hamkke.academy.Enrolments;
import org.hamkke.shared.Refused;
import org.hamkke.identity.SignedIn;
import org.hamkke.identity.web.Language;
import org.hamkke.shared.web.FormToken;
import org.hamkke.shared.web.PageMessages;
import org.hamkke.shared.web.RequestParams;
import org.hamkke.shared.web.SitePath;

/**
 * The buttons of the enrolment page ({@code /me/enrol.xhtml}): enrol, accept or decline an offer,
 * leave. A plain form post, answered by a redirect back to the page with a message (a reload never
 * repeats the action).
 *
 * <p>Why not a Faces action: this is the post a whole class sends in the same minute when a popular
 * cohort opens, and every one of them waits in line for the cohort's lock. Restoring a view to run
 * one method was about a third of each post's work on the portal (BENCHMARKS.md, the fairness
 * burst); the page itself stays a Faces page. The form carries the session's {@link FormToken} in
 * place of Faces' view state.
 *
 * <p>A cohort the person may not see answers 404, like one that does not exist; a stale form
 * (the token of an older sign-in) is told to press again, and nothing is done.
 */
@WebServlet(EnrolServlet.PATH)
public class EnrolServlet extends HttpServlet {

    static final String PATH = "/me/enrol";

    @Inject
    Enrolments enrolments;

    @Inject
    Language language;

    /** An address typed or followed by hand: the page the buttons are on, when it names a cohort. */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Long cohort = RequestParams.id(request.getParameter("cohort"));
        if (cohort == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        SitePath.redirect(request, response, page(cohort));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SignedIn signedIn = SignedIn.of(request);
        Long cohort = RequestParams.id(request.getParameter("cohort"));
        if (signedIn == null || cohort == null || !enrolments.visible(signedIn.personId(), cohort)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (!FormToken.matches(request)) {
            PageMessages.carry(request, true, "form.stale");
        } else {
            act(request, signedIn.personId(), cohort, String.valueOf(request.getParameter("action")));
        }
        SitePath.redirect(request, response, page(cohort));
    }

    private void act(HttpServletRequest request, long person, long cohort, String action) {
        try {
            switch (action) {
                case "enrol" -> {
                    Enrolments.Standing now = enrolments.enrol(person, cohort, language.getCode());
                    switch (now.status()) {
                        case CONFIRMED -> PageMessages.carry(request, false, "enrol.confirmed");
                        case WAITLISTED -> PageMessages.carry(request, false, "enrol.waitlisted", language.formatNumber(now.position()));
                        case REQUESTED -> PageMessages.carry(request, false, "enrol.requested");
                        default -> {}
                    }
                }
                case "accept" -> {
                    if (enrolments.accept(person, cohort) == Enrolments.Accepted.CONFIRMED) {
                        PageMessages.carry(request, false, "enrol.accepted");
                    } else {
                        PageMessages.carry(request, true, "academy.offer.expired");
                    }
                }
                case "decline" -> {
                    enrolments.decline(person, cohort);
                    PageMessages.carry(request, false, "enrol.declined");
                }
                case "leave" -> {
                    enrolments.leave(person, cohort);
                    PageMessages.carry(request, false, "enrol.left");
                }
                default -> {
                    // Not one of the page's buttons: nothing to do, the page shows where they stand.
                }
            }
        } catch (Refused refused) {
            PageMessages.carry(request, true, refused.key(), refused.problems().getFirst().arg());
        } catch (EnrolmentStatus.IllegalMoveException meanwhile) {
            PageMessages.carry(request, true, "enrol.changedMeanwhile");
        }
    }

    private static String page(long cohort) {
        return "/me/enrol.xhtml?cohort=" + cohort;
    }
}
