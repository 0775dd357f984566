package org.hamkke.academy.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.hamkke.academy.CohortForm;
import org.hamkke.academy.Cohorts;
import org.hamkke.academy.Courses;
import org.hamkke.academy.Delivery;
import org.hamkke.academy.Refused;
import org.hamkke.academy.SessionForm;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.shared.web.NotFound;
import org.hamkke.shared.web.PageMessages;
import org.hamkke.shared.web.RequestParams;

/**
 * The cohort editor ({@code /staff/cohort.xhtml?id=ID}, or {@code ?course=ID} for a new cohort of
 * a course): dates and enrolment window on the cohort's own clock, delivery, capacity, approval,
 * visibility and invitations, instructors; and, once saved, its sessions: one, or a weekly or
 * fortnightly series, added at once inside the cohort's days. A refused save shows each problem by
 * its field and keeps what was typed; a save over someone else's newer version is refused.
 */
@Named
@ViewScoped
public class CohortEditor implements Serializable {

    @Inject
    Cohorts cohorts;

    @Inject
    Courses courses;

    @Inject
    CurrentUser currentUser;

    private CohortForm form;
    private SessionForm session = new SessionForm();
    private List<Cohorts.SessionLine> sessions = List.of();
    private List<Courses.Option> courseOptions = List.of();
    private List<Cohorts.Person> candidates = List.of();
    private final FieldErrors errors = new FieldErrors();
    private final FieldErrors sessionErrors = new FieldErrors();

    @PostConstruct
    void load() {
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        Long id = RequestParams.id(params.get("id"));
        Long course = RequestParams.id(params.get("course"));
        if (params.get("id") != null && id == null || params.get("course") != null && course == null) {
            NotFound.respond();
            return;
        }
        if (id != null) {
            form = cohorts.form(id).orElse(null);
            sessions = form == null ? List.of() : cohorts.sessions(id);
        } else if (course != null) {
            form = cohorts.newForm(course).orElse(null);
        } else {
            form = new CohortForm();
        }
        if (form == null) {
            NotFound.respond();
            return;
        }
        courseOptions = courses.options();
        candidates = cohorts.instructorCandidates();
        session.setDate(form.getStartsOn());
    }

    public String save() {
        errors.clear();
        boolean created = form.getId() == null;
        try {
            long id = cohorts.save(currentUser.actor(), form);
            PageMessages.info(created ? "cohorts.created" : "cohorts.saved");
            return "/staff/cohort?faces-redirect=true&id=" + id;
        } catch (Refused refused) {
            errors.show(refused);
            return null;
        }
    }

    public String addSessions() {
        sessionErrors.clear();
        try {
            int added = cohorts.schedule(currentUser.actor(), form.getId(), session);
            PageMessages.info("cohorts.sessionsAdded", String.valueOf(added));
            return "/staff/cohort?faces-redirect=true&id=" + form.getId();
        } catch (Refused refused) {
            sessionErrors.show(refused);
            return null;
        }
    }

    public String removeSession(long sessionId) {
        try {
            cohorts.unschedule(currentUser.actor(), form.getId(), sessionId);
            PageMessages.info("cohorts.sessionRemoved");
        } catch (Refused refused) {
            PageMessages.error(refused.key());
        }
        return "/staff/cohort?faces-redirect=true&id=" + form.getId();
    }

    public List<String> errors(String field) {
        return errors.of(field);
    }

    public List<String> sessionErrors(String field) {
        return sessionErrors.of(field);
    }

    public CohortForm getForm() {
        return form;
    }

    public SessionForm getSession() {
        return session;
    }

    public List<Cohorts.SessionLine> getSessions() {
        return sessions;
    }

    /** The courses a new cohort may be of (active ones); an existing cohort keeps its own. */
    public List<Courses.Option> getCourses() {
        return courseOptions.stream().filter(o -> o.active() || form.getCourseId() != null && o.id() == form.getCourseId()).toList();
    }

    public String courseTitle() {
        return courseOptions.stream().filter(o -> form.getCourseId() != null && o.id() == form.getCourseId()).map(Courses.Option::titleJson)
                .findFirst().orElse(null);
    }

    public List<Cohorts.Person> getCandidates() {
        return candidates;
    }

    public List<Delivery> getDeliveries() {
        return List.of(Delivery.values());
    }

    public List<SessionForm.Repeat> getRepeats() {
        return List.of(SessionForm.Repeat.values());
    }

    public List<String> getZones() {
        return List.of("Asia/Seoul", "Asia/Kolkata", "Asia/Manila", "Asia/Bangkok", "Asia/Phnom_Penh", "Asia/Jakarta", "Asia/Karachi",
                "Asia/Dhaka", "Asia/Beirut", "Africa/Dakar", "Africa/Cairo", "Europe/Paris", "UTC");
    }
}
