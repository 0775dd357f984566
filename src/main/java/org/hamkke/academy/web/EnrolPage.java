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
import org.hamkke.shared.web.NotFound;
import org.hamkke.shared.web.RequestParams;

/**
 * Enrolling in one cohort ({@code /me/enrol.xhtml?cohort=ID}): where the signed-in person stands
 * (nothing yet, a request, their place in line, an offer and until when, a seat) and the one or two
 * things they can do about it. The buttons post plain forms to {@link EnrolServlet}, which acts and
 * redirects back here with its message (a reload never repeats an action); leaving asks first
 * ({@code ?leave=1}), which works without JavaScript. A cohort the person may not see answers 404,
 * like one that does not exist.
 */
@Named
@RequestScoped
public class EnrolPage {

    @Inject
    Enrolments enrolments;

    @Inject
    CurrentUser currentUser;

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
        cohort = cohortId == null ? null : enrolments.cohort(person, cohortId).orElse(null);
        if (cohort == null) {
            cohortId = null;
            NotFound.respond();
            return;
        }
        standing = enrolments.standing(person, cohortId).orElse(null);
        confirmingLeave = "1".equals(params.get("leave")) && isActive();
    }

    /** Whether the person has an enrolment here that is not over. */
    public boolean isActive() {
        return standing != null && standing.status().isActive() && standing.status() != EnrolmentStatus.COMPLETED;
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
