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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamkke.identity.Allowed;
import org.hamkke.identity.Role;
import org.hamkke.shared.Problem;
import org.hamkke.shared.Refused;
import org.hamkke.shared.audit.Actor;
import org.hamkke.shared.audit.AuditLog;
import org.hamkke.shared.db.Rows;

/**
 * Staff's cohorts and their sessions: the list, the editor's form, saving it
 * ({@link Cohort#revise}), adding a session or a series ({@link Cohort#schedule}), moving one
 * ({@link Session#moveTo}), cancelling one ({@link Session#cancel}) and removing one while nobody
 * is enrolled; every change audited, and every change of where or when sessions take place (or of
 * who teaches them) checked against the timetable ({@link Bookings}) before it is written. Pages
 * call these through {@link Timetable}, which also explains the database's refusal when another
 * instance booked the same room or person first. An edit takes the cohort's lock like any
 * enrolment does, so a capacity changed while learners enrol is checked against the seats really
 * taken; seats a raised capacity frees are offered to the waitlist in the same transaction. A
 * session changes under its cohort's lock too, so its learners are the ones told.
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
    Clashes clashes;

    @Inject
    AcademyNotices notices;

    @Inject
    @ConfigProperty(name = "hamkke.time-zone", defaultValue = "UTC")
    String portalZone;

    /** A cohort in staff's list, with its seats and how many wait. */
    public record Listing(
            long id, long courseId, String courseTitleJson, String label, LocalDate startsOn, LocalDate endsOn, String timeZone,
            Delivery delivery, int capacity, int seatsTaken, long waiting, long requested, Visibility visibility,
            boolean approvalRequired, long sessions) {}

    /** A session as the editor lists it, with what a move or a cancellation must name (its version) and its state. */
    public record SessionLine(long id, String title, Instant startsAt, Instant endsAt, String timeZone, long version, SessionStatus status,
            String cancelReason) implements java.io.Serializable {

        public boolean cancelled() {
            return status == SessionStatus.CANCELLED;
        }
    }

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
        String roomBefore = cohort.roomKey();
        Set<Long> teachersBefore = Set.copyOf(cohort.getInstructors());
        cohort.revise(form);
        if (!Objects.equals(roomBefore, cohort.roomKey()) || !teachersBefore.equals(cohort.getInstructors())) {
            // Its sessions now book another room or other people: each must still find them free.
            clashes.check(bookings(cohort), cohort.getId());
        }
        int offered = seats.fill(cohort, now);
        audit.record(actor, "cohort.update", AUDIT_TYPE, String.valueOf(cohort.getId()),
                "capacity " + before + " -> " + cohort.getCapacity() + (offered == 0 ? "" : ", " + offered + " seats offered"));
        return cohort.getId();
    }

    public List<SessionLine> sessions(long cohortId) {
        return Rows.list(em.createNativeQuery("""
                                select s.id, s.title, s.starts_at, s.ends_at, h.time_zone, s.version, s.status, s.cancel_reason
                                from cohort_session s join cohort h on h.id = s.cohort_id
                                where s.cohort_id = ?1 order by s.starts_at, s.id""")
                        .setParameter(1, cohortId),
                Cohorts::line);
    }

    /** One session as the lists show it; empty when there is none. */
    public Optional<SessionLine> session(long sessionId) {
        return Rows.first(em.createNativeQuery("""
                                select s.id, s.title, s.starts_at, s.ends_at, h.time_zone, s.version, s.status, s.cancel_reason
                                from cohort_session s join cohort h on h.id = s.cohort_id where s.id = ?1""")
                        .setParameter(1, sessionId),
                Cohorts::line);
    }

    private static SessionLine line(Rows.Row r) {
        return new SessionLine(r.id("id"), r.text("title"), r.instant("starts_at"), r.instant("ends_at"), r.text("time_zone"), r.id("version"),
                r.constant(SessionStatus.class, "status"), r.text("cancel_reason"));
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
        clashes.check(added.stream().map(s -> Clashes.booking(cohort, 0, s.getStartsAt(), s.getEndsAt())).toList(), null);
        em.flush();
        audit.record(actor, "cohort.sessions.add", AUDIT_TYPE, String.valueOf(cohortId),
                added.size() + " from " + added.getFirst().getStartsAt());
        return added.size();
    }

    /**
     * Moves a session to a new start and end on its cohort's wall clock ({@link Session#moveTo}),
     * where its room and its instructors are free ({@link Bookings}); everyone holding or offered a
     * seat is told, once. The calendar's drag and the dialogs all come here.
     *
     * @param seenVersion the session's version as the page showed it: a stale page is refused
     * @return the session as it is now
     * @throws Refused the session's rule, "academy.changedMeanwhile", or a {@link SessionClash}
     * @throws IllegalArgumentException when there is no such session
     */
    public SessionLine move(Actor actor, long sessionId, long seenVersion, LocalDateTime start, LocalDateTime end) {
        Cohort cohort = lockCohortOf(sessionId);
        Session session = cohort.session(sessionId).orElseThrow();
        session.requireSeen(seenVersion);
        Instant wasStart = session.getStartsAt();
        Instant wasEnd = session.getEndsAt();
        ZoneId zone = cohort.zone();
        if (session.moveTo(start.atZone(zone).toInstant(), end.atZone(zone).toInstant(), clock.instant())) {
            clashes.check(List.of(Clashes.booking(cohort, sessionId, session.getStartsAt(), session.getEndsAt())), null);
            em.flush();
            notices.sessionMoved(session, seenVersion, wasStart, wasEnd, seated(cohort.getId()));
            audit.record(actor, "cohort.sessions.move", AUDIT_TYPE, String.valueOf(cohort.getId()),
                    "session " + sessionId + ": " + wasStart + " -> " + session.getStartsAt() + " to " + session.getEndsAt());
        }
        return session(sessionId).orElseThrow();
    }

    /**
     * Cancels a session with the staff's reason ({@link Session#cancel}); everyone holding or
     * offered a seat is told, once. It stays in the lists, marked cancelled.
     *
     * @throws Refused the session's rule or "academy.changedMeanwhile"
     * @throws IllegalArgumentException when there is no such session
     */
    public SessionLine cancel(Actor actor, long sessionId, long seenVersion, String reason) {
        Cohort cohort = lockCohortOf(sessionId);
        Session session = cohort.session(sessionId).orElseThrow();
        session.requireSeen(seenVersion);
        session.cancel(reason, clock.instant());
        em.flush();
        notices.sessionCancelled(session, seenVersion, seated(cohort.getId()));
        audit.record(actor, "cohort.sessions.cancel", AUDIT_TYPE, String.valueOf(cohort.getId()),
                "session " + sessionId + " at " + session.getStartsAt() + ": " + session.getCancelReason());
        return session(sessionId).orElseThrow();
    }

    /** After the database refused a move: the session that took the slot first, if it can be found. */
    public Optional<SessionClash.Other> explainMove(long sessionId, LocalDateTime start, LocalDateTime end) {
        Cohort cohort = em.find(Cohort.class, cohortOf(sessionId));
        ZoneId zone = cohort.zone();
        return clashes.find(List.of(Clashes.booking(cohort, sessionId, start.atZone(zone).toInstant(), end.atZone(zone).toInstant())), null);
    }

    /** After the database refused new sessions: the session that took one of their slots first, if it can be found. */
    public Optional<SessionClash.Other> explainSchedule(long cohortId, SessionForm form) {
        Cohort cohort = em.find(Cohort.class, cohortId);
        return clashes.find(cohort.slots(form).stream().map(s -> Clashes.booking(cohort, 0, s.startsAt(), s.endsAt())).toList(), null);
    }

    /** After the database refused a cohort's new room or instructors: the session that stands in the way, if it can be found. */
    public Optional<SessionClash.Other> explainSave(CohortForm form) {
        Cohort cohort = form.getId() == null ? null : em.find(Cohort.class, form.getId());
        if (cohort == null) {
            return Optional.empty();
        }
        Delivery delivery = Cohort.delivery(form.getDelivery()).orElse(cohort.getDelivery());
        String room = Cohort.roomKey(delivery, Cohort.trim(form.getVenue()), Cohort.trim(form.getRoom()));
        Set<Long> people = Set.copyOf(form.getInstructors());
        return clashes.find(cohort.getSessions().stream().filter(s -> !s.isCancelled())
                .map(s -> new Bookings.Booking(s.getId(), s.getStartsAt(), s.getEndsAt(), room, people)).toList(), cohort.getId());
    }

    /** What the cohort's sessions that take place book, with its room and people as they are now. */
    private static List<Bookings.Booking> bookings(Cohort cohort) {
        return cohort.getSessions().stream().filter(s -> !s.isCancelled())
                .map(s -> Clashes.booking(cohort, s.getId(), s.getStartsAt(), s.getEndsAt())).toList();
    }

    private long cohortOf(long sessionId) {
        List<?> cohort = em.createNativeQuery("select cohort_id from cohort_session where id = ?1").setParameter(1, sessionId).getResultList();
        if (cohort.isEmpty()) {
            throw new IllegalArgumentException("No session " + sessionId);
        }
        return ((Number) cohort.getFirst()).longValue();
    }

    /** The session's cohort, locked: a session changes under its cohort's lock, like its seats. */
    private Cohort lockCohortOf(long sessionId) {
        long cohortId = cohortOf(sessionId);
        return seats.lock(cohortId).orElseThrow(() -> new IllegalArgumentException("No cohort " + cohortId));
    }

    /** Who hears of a change to the sessions: everyone holding a seat, or offered one. */
    private List<Long> seated(long cohortId) {
        return em.createNativeQuery("select person_id from enrolment where cohort_id = ?1 and status in ('CONFIRMED', 'OFFERED') order by id")
                .setParameter(1, cohortId)
                .getResultList().stream().map(id -> ((Number) id).longValue()).toList();
    }

    /**
     * Removes a session that has no attendance taken, while nobody is enrolled in its cohort
     * (afterwards it is cancelled instead: {@link Cohort#unschedule}).
     *
     * @throws Refused "academy.session.hasAttendance", "academy.session.cancelInstead"
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
        boolean enrolled = !em.createNativeQuery("select 1 from enrolment where cohort_id = ?1 and status <> 'CANCELLED' limit 1")
                .setParameter(1, cohortId)
                .getResultList()
                .isEmpty();
        if (cohort.unschedule(sessionId, enrolled)) {
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
