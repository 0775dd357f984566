package org.hamkke.academy.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hamkke.academy.Courses;
import org.hamkke.academy.SessionCalendar.Entry;
import org.hamkke.academy.SessionCalendar;
import org.hamkke.academy.SessionTimes;
import org.hamkke.academy.Timetable;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.identity.web.Language;
import org.hamkke.shared.Refused;
import org.hamkke.shared.web.PageMessages;
import org.hamkke.shared.web.RequestParams;
import org.primefaces.PrimeFaces;
import org.primefaces.event.SelectEvent;
import org.primefaces.event.schedule.ScheduleEntryMoveEvent;
import org.primefaces.event.schedule.ScheduleEntryResizeEvent;
import org.primefaces.model.DefaultScheduleEvent;
import org.primefaces.model.LazyScheduleModel;
import org.primefaces.model.ScheduleEvent;
import org.primefaces.model.ScheduleModel;

/**
 * Staff's calendar of every cohort's sessions ({@code /staff/calendar.xhtml}; optional
 * {@code ?course=ID&venue=NAME&instructor=ID&date=YYYY-MM-DD&zone=ZONE}), with {@code p:schedule}.
 * Only the weeks shown are loaded, one statement each time ({@link SessionCalendar#between}),
 * filtered by course, venue and instructor. Dragging a session moves it, stretching it changes its
 * end, and its dialog moves or cancels it: all three through {@link Timetable#move} or
 * {@link Timetable#cancel}, the same rules as the cohort's page; a refused change is shown and the
 * calendar loads again, so the session springs back to where it really is.
 *
 * <p><b>Times</b>: the calendar shows one clock, the portal's zone unless staff choose another.
 * Moments are handed to {@code p:schedule} as wall-clock times on that clock, with the component and
 * the browser both told "UTC", so the browser does no zone arithmetic of its own (and needs none of
 * moment-timezone's data). A drag by a day keeps the session at the same hour on its own cohort's
 * clock, across a daylight-saving change, because the deltas are applied there.
 */
@Named
@ViewScoped
public class CalendarPage implements Serializable {

    @Inject
    SessionCalendar calendar;

    @Inject
    Timetable timetable;

    @Inject
    Courses courses;

    @Inject
    CurrentUser currentUser;

    @Inject
    Language language;

    @Inject
    Clock clock;

    /** The portal's zone (hamkke.time-zone), the calendar's clock until staff choose another; read once, not injected: a view-scoped bean keeps only what it can passivate. */
    private String portalZone;

    private Long courseId;
    private String venue;
    private Long instructorId;
    private String zone;
    private LocalDate initialDate;
    private final Model model = new Model();
    private List<Courses.Option> courseOptions;
    private List<String> venues;
    private List<SessionCalendar.Teacher> instructors;
    private List<String> zones;

    /** The session the dialog shows, and what staff type there. */
    private Entry selected;
    private String date;
    private String startTime;
    private String endTime;
    private String reason;
    private final FieldErrors errors = new FieldErrors();

    @PostConstruct
    void load() {
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        courseId = RequestParams.id(params.get("course"));
        instructorId = RequestParams.id(params.get("instructor"));
        venue = params.get("venue") == null || params.get("venue").isBlank() || params.get("venue").length() > 200 ? null : params.get("venue").strip();
        portalZone = ConfigProvider.getConfig().getOptionalValue("hamkke.time-zone", String.class).orElse("UTC");
        courseOptions = courses.options();
        venues = calendar.venues();
        instructors = calendar.instructors();
        Set<String> known = new LinkedHashSet<>();
        known.add(portalZone);
        known.addAll(calendar.zones());
        zones = List.copyOf(known);
        zone = params.get("zone") != null && zones.contains(params.get("zone")) ? params.get("zone") : portalZone;
        try {
            initialDate = params.get("date") == null ? null : LocalDate.parse(params.get("date"));
        } catch (java.time.format.DateTimeParseException e) {
            initialDate = null;
        }
        if (initialDate == null) {
            initialDate = LocalDate.now(ZoneId.of(zone));
        }
    }

    /**
     * The weeks the calendar shows, loaded as it asks for them. Its bounds and the events' times are
     * wall-clock times on the calendar's clock ({@link #zone}), as the class says.
     */
    final class Model extends LazyScheduleModel {

        @Override
        public void loadEvents(LocalDateTime start, LocalDateTime end) {
            ZoneId shown = ZoneId.of(zone);
            Instant now = clock.instant();
            for (Entry e : calendar.between(start.atZone(shown).toInstant(), end.atZone(shown).toInstant(), filter())) {
                boolean changeable = !e.cancelled() && e.startsAt().isAfter(now);
                addEvent(DefaultScheduleEvent.<Entry>builder()
                        .id("s" + e.id())
                        .title(title(e))
                        .startDate(LocalDateTime.ofInstant(e.startsAt(), shown))
                        .endDate(LocalDateTime.ofInstant(e.endsAt(), shown))
                        .description(description(e))
                        .styleClass(e.cancelled() ? "session-cancelled" : changeable ? "session" : "session session-past")
                        .draggable(changeable)
                        .resizable(changeable)
                        .data(e)
                        .build());
            }
        }
    }

    private SessionCalendar.Filter filter() {
        return new SessionCalendar.Filter(courseId, venue, instructorId);
    }

    private String title(Entry e) {
        String course = language.text(e.courseTitleJson());
        String cohort = e.cohortLabel() == null ? "" : " · " + e.cohortLabel();
        String cancelled = e.cancelled() ? PageMessages.text("calendar.cancelledMark") + " " : "";
        return cancelled + course + cohort;
    }

    /** The tooltip: PrimeFaces writes it as HTML, so every text in it is escaped. */
    private String description(Entry e) {
        StringBuilder d = new StringBuilder();
        d.append("<strong>").append(escape(language.text(e.courseTitleJson()))).append("</strong>");
        if (e.cohortLabel() != null) {
            d.append("<br/>").append(escape(e.cohortLabel()));
        }
        if (e.title() != null) {
            d.append("<br/>").append(escape(e.title()));
        }
        d.append("<br/>").append(escape(AcademyDates.sessionWithZone(e.startsAt(), e.endsAt(), e.timeZone(), language.getLocale())));
        if (e.venue() != null) {
            d.append("<br/>").append(escape(e.venue() + (e.room() == null ? "" : " · " + e.room())));
        }
        if (e.instructors() != null) {
            d.append("<br/>").append(escape(e.instructors()));
        }
        if (e.cancelled()) {
            d.append("<br/>").append(escape(PageMessages.text("calendar.cancelledMark") + " " + e.cancelReason()));
        }
        return d.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    /** The scripts p:schedule asks for that this calendar never runs. */
    private static final Set<String> UNUSED_SCRIPTS = Set.of("moment/moment-timezone-with-data.js", "moment/moment.js");

    /**
     * Leaves out Moment and its time zone database, which PrimeFaces adds to every p:schedule (57 KB
     * compressed): this calendar hands the browser wall-clock times read as UTC (see the class), so
     * FullCalendar never asks for a named zone, and it is given no format strings, the only thing its
     * Moment plugin formats. The page stays under its weight budget (BENCHMARKS.md).
     */
    public void withoutMoment() {
        FacesContext faces = FacesContext.getCurrentInstance();
        UIViewRoot root = faces.getViewRoot();
        for (String target : List.of("head", "body")) {
            for (UIComponent resource : List.copyOf(root.getComponentResources(faces, target))) {
                if ("primefaces".equals(resource.getAttributes().get("library")) && UNUSED_SCRIPTS.contains(resource.getAttributes().get("name"))) {
                    root.removeComponentResource(faces, resource, target);
                }
            }
        }
    }

    // ---- the calendar's own gestures ----

    /** A session dragged to another day or hour: the same change, on its cohort's clock. */
    public void moved(ScheduleEntryMoveEvent event) {
        Entry e = entry(event.getScheduleEvent());
        if (e == null) {
            return;
        }
        ZoneId own = ZoneId.of(e.timeZone());
        LocalDateTime start = shift(LocalDateTime.ofInstant(e.startsAt(), own), event.getYearDelta(), event.getMonthDelta(),
                event.getDayDelta(), event.getMinuteDelta());
        LocalDateTime end = shift(LocalDateTime.ofInstant(e.endsAt(), own), event.getYearDelta(), event.getMonthDelta(),
                event.getDayDelta(), event.getMinuteDelta());
        move(e, start, end);
    }

    /** A session's start or end dragged: its new length, on its cohort's clock. */
    public void resized(ScheduleEntryResizeEvent event) {
        Entry e = entry(event.getScheduleEvent());
        if (e == null) {
            return;
        }
        ZoneId own = ZoneId.of(e.timeZone());
        LocalDateTime start = shift(LocalDateTime.ofInstant(e.startsAt(), own), event.getYearDeltaStart(), event.getMonthDeltaStart(),
                event.getDayDeltaStart(), event.getMinuteDeltaStart());
        LocalDateTime end = shift(LocalDateTime.ofInstant(e.endsAt(), own), event.getYearDeltaEnd(), event.getMonthDeltaEnd(),
                event.getDayDeltaEnd(), event.getMinuteDeltaEnd());
        move(e, start, end);
    }

    private static LocalDateTime shift(LocalDateTime t, int years, int months, int days, int minutes) {
        return t.plusYears(years).plusMonths(months).plusDays(days).plusMinutes(minutes);
    }

    private void move(Entry e, LocalDateTime start, LocalDateTime end) {
        try {
            var moved = timetable.move(currentUser.actor(), e.id(), e.version(), start, end);
            PageMessages.info("calendar.moved", language.text(e.courseTitleJson()),
                    AcademyDates.sessionWithZone(moved.startsAt(), moved.endsAt(), moved.timeZone(), language.getLocale()));
        } catch (Refused refused) {
            errors.show(refused);
        } catch (IllegalArgumentException gone) {
            PageMessages.error("calendar.gone");
        }
    }

    /** A session clicked: its dialog, filled with its times on its cohort's clock. */
    public void select(SelectEvent<ScheduleEvent<?>> event) {
        selected = entry(event.getObject());
        errors.clear();
        reason = null;
        if (selected != null) {
            ZoneId own = ZoneId.of(selected.timeZone());
            date = LocalDateTime.ofInstant(selected.startsAt(), own).toLocalDate().toString();
            startTime = LocalDateTime.ofInstant(selected.startsAt(), own).toLocalTime().toString();
            endTime = LocalDateTime.ofInstant(selected.endsAt(), own).toLocalTime().toString();
        }
    }

    private static Entry entry(ScheduleEvent<?> event) {
        return event != null && event.getData() instanceof Entry e ? e : null;
    }

    // ---- the dialog ----

    /** The dialog's "Move": the typed day and times on the cohort's clock. */
    public void moveSelected() {
        errors.clear();
        if (selected == null) {
            return;
        }
        try {
            SessionTimes times = SessionTimes.typed(date, startTime, endTime);
            var moved = timetable.move(currentUser.actor(), selected.id(), selected.version(), times.start(), times.end());
            PageMessages.info("calendar.moved", language.text(selected.courseTitleJson()),
                    AcademyDates.sessionWithZone(moved.startsAt(), moved.endsAt(), moved.timeZone(), language.getLocale()));
            done();
        } catch (Refused refused) {
            errors.show(refused);
        } catch (IllegalArgumentException gone) {
            PageMessages.error("calendar.gone");
        }
    }

    /** The dialog's "Cancel the session", after its confirmation: with the reason typed. */
    public void cancelSelected() {
        errors.clear();
        if (selected == null) {
            return;
        }
        try {
            timetable.cancel(currentUser.actor(), selected.id(), selected.version(), reason);
            PageMessages.info("calendar.cancelled", language.text(selected.courseTitleJson()),
                    AcademyDates.sessionWithZone(selected.startsAt(), selected.endsAt(), selected.timeZone(), language.getLocale()));
            done();
        } catch (Refused refused) {
            errors.show(refused);
        } catch (IllegalArgumentException gone) {
            PageMessages.error("calendar.gone");
        }
    }

    /** Tells the page's script the dialog's work is done: close it, load the calendar again. */
    private void done() {
        selected = null;
        PrimeFaces.current().ajax().addCallbackParam("done", true);
    }

    public List<String> errors(String field) {
        return errors.of(field);
    }

    // ---- filters and what the page reads ----

    public ScheduleModel getModel() {
        return model;
    }

    public Long getCourseId() {
        return courseId;
    }

    public void setCourseId(Long courseId) {
        this.courseId = courseId;
    }

    public String getVenue() {
        return venue;
    }

    public void setVenue(String venue) {
        this.venue = venue == null || venue.isBlank() ? null : venue;
    }

    public Long getInstructorId() {
        return instructorId;
    }

    public void setInstructorId(Long instructorId) {
        this.instructorId = instructorId;
    }

    public String getZone() {
        return zone;
    }

    /** Only a zone the page offers; anything else keeps the clock as it was. */
    public void setZone(String zone) {
        if (zone != null && zones.contains(zone)) {
            this.zone = zone;
        }
    }

    public LocalDate getInitialDate() {
        return initialDate;
    }

    /** The clock the calendar hands to p:schedule (see the class): wall-clock times, read as UTC on both sides. */
    public ZoneId getComponentZone() {
        return ZoneOffset.UTC;
    }

    public List<Courses.Option> getCourses() {
        return courseOptions;
    }

    public List<String> getVenues() {
        return venues;
    }

    public List<SessionCalendar.Teacher> getInstructors() {
        return instructors;
    }

    public List<String> getZones() {
        return zones;
    }

    /** Whether the session in the dialog may still be moved or cancelled: it takes place and has not begun. */
    public boolean isChangeable() {
        return selected != null && !selected.cancelled() && selected.startsAt().isAfter(clock.instant());
    }

    public Entry getSelected() {
        return selected;
    }

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
}
