package org.hamkke.academy.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.hamkke.academy.EnrolmentStatus;
import org.hamkke.academy.Teaching;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.identity.web.Language;
import org.hamkke.shared.Refused;
import org.hamkke.shared.web.NotFound;
import org.hamkke.shared.web.PageMessages;
import org.hamkke.shared.web.RequestParams;

/**
 * One cohort as its instructor runs it ({@code /teach/cohort.xhtml?id=ID}; 404 for anyone who does
 * not teach it): its sessions with how many are marked, each learner's attendance so far and, when
 * the course requires it, the final assessment recorded per learner (passed, not passed: the same
 * stale-safe buttons as the roll, {@code learners:assess} carrying {@code enrolment:PASSED:version});
 * and "complete now", which completes the learners who meet the course's rule.
 */
@Named
@RequestScoped
public class TeachCohortPage {

    static final String BUTTON = "learners:assess";

    @Inject
    Teaching teaching;

    @Inject
    CurrentUser currentUser;

    @Inject
    Language language;

    private Long cohortId;
    private Teaching.CohortView cohort;
    private List<Teaching.SessionLine> sessions = List.of();
    private List<Teaching.Learner> learners = List.of();

    @PostConstruct
    void load() {
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        cohortId = RequestParams.id(params.get("id"));
        long person = currentUser.getPersonId();
        cohort = cohortId == null ? null : teaching.cohort(person, cohortId).orElse(null);
        if (cohort == null) {
            cohortId = null;
            NotFound.respond();
            return;
        }
        if (!FacesContext.getCurrentInstance().isPostback()) {
            sessions = teaching.sessions(person, cohortId);
            learners = teaching.learners(person, cohortId);
        }
    }

    /** Records the assessment the pressed button names. */
    public String assess() {
        if (cohortId == null) {
            return null;
        }
        String pressed = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(BUTTON);
        String[] parts = pressed == null ? new String[0] : pressed.split(":");
        Long enrolment = parts.length == 3 ? RequestParams.id(parts[0]) : null;
        Long version = parts.length == 3 ? ("-1".equals(parts[2]) ? Long.valueOf(-1) : "0".equals(parts[2]) ? Long.valueOf(0) : RequestParams.id(parts[2])) : null;
        boolean known = parts.length == 3 && (parts[1].equals("PASSED") || parts[1].equals("NOT_PASSED"));
        if (enrolment == null || version == null || !known) {
            return back(null);
        }
        String name = teaching.learners(currentUser.getPersonId(), cohortId).stream()
                .filter(l -> l.enrolmentId() == enrolment).map(Teaching.Learner::name).findFirst().orElse("");
        try {
            teaching.assess(currentUser.actor(), cohortId, enrolment, parts[1].equals("PASSED"), version);
            PageMessages.info("teach.assessment.saved", name, PageMessages.text("teach.assessment." + parts[1]));
        } catch (Refused refused) {
            PageMessages.error(refused.key(), name);
        } catch (Teaching.NotTeaching gone) {
            PageMessages.error("academy.changedMeanwhile");
        }
        return back(enrolment);
    }

    /** Completes the learners who meet the course's rule now. */
    public String completeNow() {
        if (cohortId == null) {
            return null;
        }
        int done = teaching.completeNow(currentUser.actor(), cohortId);
        if (done == 0) {
            PageMessages.info("teach.complete.none");
        } else {
            PageMessages.info("teach.complete.done", language.formatNumber(done));
        }
        return back(null);
    }

    private String back(Long enrolment) {
        return "/teach/cohort?faces-redirect=true&id=" + cohortId;
    }

    /** The value an assessment button posts for this learner. */
    public String buttonValue(Teaching.Learner learner, boolean passed) {
        return learner.enrolmentId() + ":" + (passed ? "PASSED" : "NOT_PASSED") + ":" + learner.assessmentVersion();
    }

    /** Confirmed learners who meet the rule now: whom "complete now" would complete. */
    public long getQualifying() {
        return learners.stream().filter(l -> l.status() == EnrolmentStatus.CONFIRMED && l.meetsRule()).count();
    }

    public long getConfirmed() {
        return learners.stream().filter(l -> l.status() == EnrolmentStatus.CONFIRMED).count();
    }

    public Teaching.CohortView getCohort() {
        return cohort;
    }

    public List<Teaching.SessionLine> getSessions() {
        return sessions;
    }

    public List<Teaching.Learner> getLearners() {
        return learners;
    }

    public Long getCohortId() {
        return cohortId;
    }

    public boolean isFound() {
        return cohortId != null;
    }
}
