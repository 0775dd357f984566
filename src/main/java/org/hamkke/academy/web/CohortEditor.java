package org.hamkke.academy.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hamkke.academy.CohortForm;
import org.hamkke.academy.Cohorts;
import org.hamkke.academy.Courses;
import org.hamkke.academy.Delivery;
import org.hamkke.academy.SessionForm;
import org.hamkke.academy.SessionTimes;
import org.hamkke.academy.Timetable;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.shared.Refused;
import org.hamkke.shared.web.NotFound;
import org.hamkke.shared.web.PageMessages;
import org.hamkke.shared.web.RequestParams;

/**
 * The cohort editor ({@code /staff/cohort.xhtml?id=ID}, or {@code ?course=ID} for a new cohort of
 * a course): dates and enrolment window on the cohort's own clock, delivery, capacity, approval,
 * visibility and invitations, instructors; and, once saved, its sessions: one, or a weekly or
 * fortnightly series, added at once inside the cohort's days, where room and instructors are free
 * ({@link Timetable}); each listed session moves to another day and time, or is cancelled with a
 * reason once confirmed (without JavaScript: the confirmation is a box to tick). A refused save
 * shows each problem by its field and keeps what was typed; a save over someone else's newer
 * version is refused.
 */
@Named
@ViewScoped
public class CohortEditor implements Serializable {

    @Inject
    Cohorts cohorts;

    @Inject
    Courses courses;

    @Inject
    Timetable timetable;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    private CohortForm form;
    private SessionForm session = new SessionForm();
    private List<Cohorts.SessionLine> sessions = List.of();
    private List<Courses.Option> courseOptions = List.of();
    private List<Cohorts.Person> candidates = List.of();
    private final FieldErrors errors = new FieldErrors();
    private final FieldErrors sessionErrors = new FieldErrors();
    /** What staff type to move or cancel each listed session, by its id. */
    private final Map<Long, SessionEdit> edits = new HashMap<>();

    /** One listed session's move and cancel fields: the day and times on the cohort's clock, a reason, the confirmation. */
    public static final class SessionEdit implements Serializable {
        private String date;
        private String startTime;
        private String endTime;
        private String reason;
        private boolean confirmed;

        public String getDate() {
            return date;
        }

        public void setDate(String date) {
            this.date = date;
        }

        public String getStartTime() {
            return startTime;
        }

        public void setStartTime(String startTime) {
            this.startTime = startTime;
        }

        public String getEndTime() {
            return endTime;
        }

        public void setEndTime(String endTime) {
            this.endTime = endTime;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }

        public boolean isConfirmed() {
            return confirmed;
        }

        public void setConfirmed(boolean confirmed) {
            this.confirmed = confirmed;
        }
    }

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
            long id = timetable.saveCohort(currentUser.actor(), form);
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
            int added = timetable.schedule(currentUser.actor(), form.getId(), session);
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

    /** The fields to move or cancel a listed session, filled with its times on the cohort's clock. */
    public SessionEdit edit(Cohorts.SessionLine line) {
        return edits.computeIfAbsent(line.id(), id -> {
            SessionEdit edit = new SessionEdit();
            ZoneId zone = ZoneId.of(line.timeZone());
            edit.setDate(line.startsAt().atZone(zone).toLocalDate().toString());
            edit.setStartTime(line.startsAt().atZone(zone).toLocalTime().toString());
            edit.setEndTime(line.endsAt().atZone(zone).toLocalTime().toString());
            return edit;
        });
    }

    /** Whether a listed session may still be moved or cancelled: it takes place and has not begun. */
    public boolean changeable(Cohorts.SessionLine line) {
        return !line.cancelled() && line.startsAt().isAfter(clock.instant());
    }

    /** Moves a listed session to the day and times typed ({@link Timetable#move}, the calendar's rules). */
    public String moveSession(Cohorts.SessionLine line) {
        SessionEdit edit = edit(line);
        try {
            SessionTimes times = SessionTimes.typed(edit.getDate(), edit.getStartTime(), edit.getEndTime());
            timetable.move(currentUser.actor(), line.id(), line.version(), times.start(), times.end());
            PageMessages.info("cohorts.sessionMoved");
            return "/staff/cohort?faces-redirect=true&id=" + form.getId();
        } catch (Refused refused) {
            FieldErrors.showAll(refused);
            return null;
        } catch (IllegalArgumentException gone) {
            PageMessages.error("calendar.gone");
            return "/staff/cohort?faces-redirect=true&id=" + form.getId();
        }
    }

    /** Cancels a listed session with the reason typed, once the box confirming it is ticked. */
    public String cancelSession(Cohorts.SessionLine line) {
        SessionEdit edit = edit(line);
        if (!edit.isConfirmed()) {
            FieldErrors.global(PageMessages.text("cohorts.cancelConfirm"));
            return null;
        }
        try {
            timetable.cancel(currentUser.actor(), line.id(), line.version(), edit.getReason());
            PageMessages.info("cohorts.sessionCancelled");
            return "/staff/cohort?faces-redirect=true&id=" + form.getId();
        } catch (Refused refused) {
            FieldErrors.showAll(refused);
            return null;
        } catch (IllegalArgumentException gone) {
            PageMessages.error("calendar.gone");
            return "/staff/cohort?faces-redirect=true&id=" + form.getId();
        }
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
