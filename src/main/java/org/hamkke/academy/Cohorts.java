package org.hamkke.academy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamkke.identity.Allowed;
import org.hamkke.identity.Role;
import org.hamkke.shared.audit.Actor;
import org.hamkke.shared.audit.AuditLog;
import org.hamkke.shared.db.Rows;

/**
 * Staff's cohorts and their sessions: the list, the editor's form, saving it
 * ({@link Cohort#revise}), adding a session or a series ({@link Cohort#schedule}) and removing one;
 * every change audited. An edit takes the cohort's lock like any enrolment does, so a capacity
 * changed while learners enrol is checked against the seats really taken; seats a raised capacity
 * frees are offered to the waitlist in the same transaction.
 */
@Allowed({Role.STAFF, Role.ADMIN})
@ApplicationScoped
@Transactional
public class Cohorts {

    public static final String AUDIT_TYPE = "cohort";

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    Seats seats;

    @Inject
    @ConfigProperty(name = "hamkke.time-zone", defaultValue = "UTC")
    String portalZone;

    /** A cohort in staff's list, with its seats and how many wait. */
    public record Listing(
            long id, long courseId, String courseTitleJson, String label, LocalDate startsOn, LocalDate endsOn, String timeZone,
            Delivery delivery, int capacity, int seatsTaken, long waiting, long requested, Visibility visibility,
            boolean approvalRequired, long sessions) {}

    /** A session as the editor lists it. */
    public record SessionLine(long id, String title, Instant startsAt, Instant endsAt, String timeZone) implements java.io.Serializable {}

    /** Someone who may teach: a person holding the staff, mentor or admin role. */
    public record Person(long id, String name, String email) implements java.io.Serializable {}

    public long count(Long courseId) {
        return ((Number) em.createNativeQuery("select count(*) from cohort where ?1 = 0 or course_id = ?1")
                        .setParameter(1, courseId == null ? 0L : courseId)
                        .getSingleResult())
                .longValue();
    }

    /** Latest first (by start), optionally of one course. */
    public List<Listing> page(Long courseId, int offset, int limit) {
        return Rows.list(em.createNativeQuery("""
                                with page as (
                                  select h.*, c.title from cohort h join course c on c.id = h.course_id
                                  where ?1 = 0 or h.course_id = ?1 order by h.starts_on desc, h.id desc offset ?2 limit ?3)
                                select p.id, p.course_id, p.title, p.label, p.starts_on, p.ends_on, p.time_zone, p.delivery, p.capacity,
                                       p.seats_taken, p.visibility, p.approval_required,
                                       (select count(*) from enrolment e where e.cohort_id = p.id and e.status = 'WAITLISTED') as waiting,
                                       (select count(*) from enrolment e where e.cohort_id = p.id and e.status = 'REQUESTED') as requested,
                                       (select count(*) from cohort_session s where s.cohort_id = p.id) as sessions
                                from page p order by p.starts_on desc, p.id desc""")
                        .setParameter(1, courseId == null ? 0L : courseId)
                        .setParameter(2, offset)
                        .setParameter(3, limit),
                r -> new Listing(r.id("id"), r.id("course_id"), r.text("title"), r.text("label"), r.date("starts_on"), r.date("ends_on"),
                        r.text("time_zone"), r.constant(Delivery.class, "delivery"), r.integer("capacity"), r.integer("seats_taken"),
                        r.id("waiting"), r.id("requested"), r.constant(Visibility.class, "visibility"), r.flag("approval_required"),
                        r.id("sessions")));
    }

    public Optional<CohortForm> form(long cohortId) {
        return Optional.ofNullable(em.find(Cohort.class, cohortId)).map(Cohort::toForm);
    }

    /**
     * A new cohort's form for the course, filled with sensible defaults: the course's capacity and
     * length, starting in four weeks, enrolment open from now until the day before it starts, in
     * the portal's zone.
     */
    public Optional<CohortForm> newForm(long courseId) {
        Course course = em.find(Course.class, courseId);
        if (course == null) {
            return Optional.empty();
        }
        ZoneId zone = ZoneId.of(portalZone);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate starts = today.plusWeeks(4);
        CohortForm form = new CohortForm();
        form.setCourseId(courseId);
        form.setTimeZone(zone.getId());
        form.setStartsOn(starts.toString());
        form.setEndsOn(starts.plusWeeks(course.getDurationWeeks()).minusDays(1).toString());
        form.setCapacity(String.valueOf(course.getDefaultCapacity()));
        form.setEnrolmentOpensAt(LocalDateTime.now(clock.withZone(zone)).withSecond(0).withNano(0).toString());
        form.setEnrolmentClosesAt(LocalDateTime.of(starts.minusDays(1), LocalTime.of(23, 59)).toString());
        return Optional.of(form);
    }

    /**
     * Creates or updates the cohort from the editor's form, all of it or nothing.
     *
     * @return the cohort's id
     * @throws Refused with every problem, or "academy.changedMeanwhile" when someone saved it since the form was loaded
     * @throws IllegalArgumentException when the form names a cohort or course that does not exist
     */
    public long save(Actor actor, CohortForm form) {
        Instant now = clock.instant();
        requireInstructors(form.getInstructors());
        if (form.getId() == null) {
            Course course = form.getCourseId() == null ? null : em.find(Course.class, form.getCourseId());
            if (course == null) {
                throw new Refused(List.of(new Problem("courseId", "academy.cohort.course")));
            }
            Cohort cohort = Cohort.of(course, form, now);
            em.persist(cohort);
            em.flush();
            audit.record(actor, "cohort.create", AUDIT_TYPE, String.valueOf(cohort.getId()), course.getTitle().in("en"));
            return cohort.getId();
        }
        Cohort cohort = seats.lock(form.getId()).orElseThrow(() -> new IllegalArgumentException("No cohort " + form.getId()));
        cohort.requireSeen(form.getVersion());
        int before = cohort.getCapacity();
        cohort.revise(form);
        int offered = seats.fill(cohort, now);
        audit.record(actor, "cohort.update", AUDIT_TYPE, String.valueOf(cohort.getId()),
                "capacity " + before + " -> " + cohort.getCapacity() + (offered == 0 ? "" : ", " + offered + " seats offered"));
        return cohort.getId();
    }

    public List<SessionLine> sessions(long cohortId) {
        return Rows.list(em.createNativeQuery("""
                                select s.id, s.title, s.starts_at, s.ends_at, h.time_zone from cohort_session s join cohort h on h.id = s.cohort_id
                                where s.cohort_id = ?1 order by s.starts_at, s.id""")
                        .setParameter(1, cohortId),
                r -> new SessionLine(r.id("id"), r.text("title"), r.instant("starts_at"), r.instant("ends_at"), r.text("time_zone")));
    }

    /**
     * Adds one session or a weekly or fortnightly series ({@link Cohort#schedule}): all inside the
     * cohort's dates, or none.
     *
     * @return how many sessions were added
     * @throws Refused naming the field, and the day of a session that would fall outside
     */
    public int schedule(Actor actor, long cohortId, SessionForm form) {
        Cohort cohort = seats.lock(cohortId).orElseThrow(() -> new IllegalArgumentException("No cohort " + cohortId));
        List<Session> added = cohort.schedule(form);
        em.flush();
        audit.record(actor, "cohort.sessions.add", AUDIT_TYPE, String.valueOf(cohortId),
                added.size() + " from " + added.getFirst().getStartsAt());
        return added.size();
    }

    /**
     * Removes a session that has no attendance taken.
     *
     * @throws Refused "academy.session.hasAttendance"
     */
    public void unschedule(Actor actor, long cohortId, long sessionId) {
        Cohort cohort = seats.lock(cohortId).orElseThrow(() -> new IllegalArgumentException("No cohort " + cohortId));
        long marks = ((Number) em.createNativeQuery("select count(*) from attendance where session_id = ?1")
                        .setParameter(1, sessionId)
                        .getSingleResult())
                .longValue();
        if (marks > 0) {
            throw new Refused("academy.session.hasAttendance");
        }
        if (cohort.unschedule(sessionId)) {
            audit.record(actor, "cohort.sessions.remove", AUDIT_TYPE, String.valueOf(cohortId), "session " + sessionId);
        }
    }

    /** The people who may teach, by name. */
    public List<Person> instructorCandidates() {
        return Rows.list(em.createNativeQuery("""
                        select p.id, coalesce(nullif(p.display_name, ''), p.username) as name, p.email from person p
                        where exists (select 1 from person_role r where r.person_id = p.id and r.role in ('staff', 'mentor', 'admin'))
                        order by lower(coalesce(nullif(p.display_name, ''), p.username)), p.id limit 500"""),
                r -> new Person(r.id("id"), r.text("name"), r.text("email")));
    }

    /** Instructors are people of the realm who may teach. */
    private void requireInstructors(List<Long> chosen) {
        if (chosen.isEmpty()) {
            return;
        }
        long teachers = ((Number) em.createNativeQuery("""
                        select count(distinct p.person_id) from person_role p
                        where p.person_id = any(cast(?1 as bigint[])) and p.role in ('staff', 'mentor', 'admin')""")
                        .setParameter(1, Ids.array(chosen))
                        .getSingleResult())
                .longValue();
        if (teachers != chosen.stream().distinct().count()) {
            throw new Refused(List.of(new Problem("instructors", "academy.cohort.instructorUnknown")));
        }
    }
}
