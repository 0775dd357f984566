package org.hamkke.academy.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.hamkke.academy.Catalog;
import org.hamkke.academy.EnrolmentStatus;
import org.hamkke.academy.Enrolments;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.identity.web.Language;
import org.hamkke.shared.Refused;
import org.hamkke.shared.web.NotFound;
import org.hamkke.shared.web.PageMessages;
import org.hamkke.shared.web.RequestParams;

/**
 * Enrolling in one cohort ({@code /me/enrol.xhtml?cohort=ID}): where the signed-in person stands
 * (nothing yet, a request, their place in line, an offer and until when, a seat) and the one or two
 * things they can do about it. Every action is a post that redirects back here (a reload never
 * repeats it); leaving asks first ({@code ?leave=1}), which works without JavaScript. A cohort the
 * person may not see answers 404, like one that does not exist.
 */
@Named
@RequestScoped
public class EnrolPage {

    @Inject
    Enrolments enrolments;

    @Inject
    CurrentUser currentUser;

    @Inject
    Language language;

    @Inject
    Clock clock;

    private Long cohortId;
    private Catalog.CohortDetail cohort;
    private Enrolments.Standing standing;
    private boolean confirmingLeave;

    @PostConstruct
    void load() {
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        cohortId = RequestParams.id(params.get("cohort"));
        long person = currentUser.getPersonId();
        if (FacesContext.getCurrentInstance().isPostback()) {
            // A post acts and redirects back here; it needs only to know the person may see the cohort.
            if (cohortId == null || !enrolments.visible(person, cohortId)) {
                cohortId = null;
                NotFound.respond();
            }
            return;
        }
        cohort = cohortId == null ? null : enrolments.cohort(person, cohortId).orElse(null);
        if (cohort == null) {
            cohortId = null;
            NotFound.respond();
            return;
        }
        standing = enrolments.standing(person, cohortId).orElse(null);
        confirmingLeave = "1".equals(params.get("leave")) && isActive();
    }

    public String enrol() {
        return act(() -> {
            Enrolments.Standing now = enrolments.enrol(currentUser.getPersonId(), cohortId, language.getCode());
            switch (now.status()) {
                case CONFIRMED -> PageMessages.info("enrol.confirmed");
                case WAITLISTED -> PageMessages.info("enrol.waitlisted", language.formatNumber(now.position()));
                case REQUESTED -> PageMessages.info("enrol.requested");
                default -> {}
            }
        });
    }

    public String accept() {
        return act(() -> {
            if (enrolments.accept(currentUser.getPersonId(), cohortId) == Enrolments.Accepted.CONFIRMED) {
                PageMessages.info("enrol.accepted");
            } else {
                PageMessages.error("academy.offer.expired");
            }
        });
    }

    public String decline() {
        return act(() -> {
            enrolments.decline(currentUser.getPersonId(), cohortId);
            PageMessages.info("enrol.declined");
        });
    }

    public String leave() {
        return act(() -> {
            enrolments.leave(currentUser.getPersonId(), cohortId);
            PageMessages.info("enrol.left");
        });
    }

    /** Runs the action; a refusal or a change meanwhile becomes a message; then back to this page. */
    private String act(Runnable action) {
        if (cohortId == null) {
            return null;
        }
        try {
            action.run();
        } catch (Refused refused) {
            PageMessages.error(refused.key(), refused.problems().getFirst().arg());
        } catch (EnrolmentStatus.IllegalMoveException meanwhile) {
            PageMessages.error("enrol.changedMeanwhile");
        }
        return "/me/enrol?faces-redirect=true&cohort=" + cohortId;
    }

    /** Whether the person has an enrolment here that is not over. */
    public boolean isActive() {
        return standing != null && standing.status().isActive() && standing.status() != EnrolmentStatus.COMPLETED;
    }

    /**
     * Whether this request is a post being processed (not yet rendering its answer). The forms stay
     * in the tree during a post even when their action no longer applies (another tab enrolled
     * already, the offer passed on meanwhile), so the post reaches the service and the person is
     * told why, instead of the page silently showing itself again. What to offer is decided when
     * the page is rendered.
     */
    public boolean isPosting() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.isPostback() && faces.getCurrentPhaseId() != jakarta.faces.event.PhaseId.RENDER_RESPONSE;
    }

    /** Whether "enrol" is offered: no live enrolment, and the window open. */
    public boolean isEnrollable() {
        return cohort != null && !isActive() && (standing == null || standing.status() != EnrolmentStatus.COMPLETED)
                && cohort.isEnrolmentOpenAt(getNow());
    }

    /** A confirmed seat may be left until the cohort starts; anything else at any time. */
    public boolean isLeavable() {
        if (cohort == null || !isActive() || standing.status() == EnrolmentStatus.OFFERED) {
            return false;
        }
        return standing.status() != EnrolmentStatus.CONFIRMED
                || getNow().isBefore(cohort.startsOn().atStartOfDay(java.time.ZoneId.of(cohort.timeZone())).toInstant());
    }

    /** Whether the page has a cohort to show or act on (false only for the 404). */
    public boolean isFound() {
        return cohortId != null;
    }

    public Catalog.CohortDetail getCohort() {
        return cohort;
    }

    public Enrolments.Standing getStanding() {
        return standing;
    }

    public boolean isConfirmingLeave() {
        return confirmingLeave;
    }

    public Long getCohortId() {
        return cohortId;
    }

    public Instant getNow() {
        return clock.instant();
    }
}
