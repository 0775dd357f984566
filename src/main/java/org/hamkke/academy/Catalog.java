package org.hamkke.academy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hamkke.identity.Allowed;
import org.hamkke.shared.db.Rows;

/**
 * The academy as anyone sees it, signed in or not: the active courses, and the catalog of public
 * cohorts that have not ended, filtered and paged in the database. A page of the catalog is one
 * statement whatever its filters and whichever page (rows and total together), and a cohort's page
 * two (the cohort with its course, then its sessions): the number of statements never grows with
 * the number of cohorts (BENCHMARKS.md counts them).
 */
@Allowed(anyone = true)
@ApplicationScoped
@Transactional
public class Catalog {

    @Inject
    EntityManager em;

    /** An active course, as the home page lists it, with how many of its public cohorts are still to come or running. */
    public record CourseCard(long id, String titleJson, String summaryJson, int durationWeeks, Level level, String language, long cohorts) {}

    /**
     * What the reader filters by; null means any.
     *
     * @param from cohorts starting on or after this day
     * @param to cohorts starting on or before this day
     * @param withSeats only cohorts with a seat free
     */
    public record Filter(String language, Level level, Delivery delivery, LocalDate from, LocalDate to, boolean withSeats, Long courseId) {

        public static final Filter NONE = new Filter(null, null, null, null, null, false, null);
    }

    /** A cohort in the catalog. */
    public record Entry(
            long id, long courseId, String courseTitleJson, String courseSummaryJson, String language, Level level, String label,
            LocalDate startsOn, LocalDate endsOn, String timeZone, Delivery delivery, String venue, int capacity, int seatsTaken,
            long waiting, Instant enrolmentOpensAt, Instant enrolmentClosesAt, boolean approvalRequired, int sessions,
            Instant firstSessionAt) {

        public int seatsLeft() {
            return Math.max(0, capacity - seatsTaken);
        }

        public boolean isEnrolmentOpenAt(Instant now) {
            return !now.isBefore(enrolmentOpensAt) && now.isBefore(enrolmentClosesAt);
        }
    }

    /** One page of the catalog and how many entries match in all. */
    public record Page(List<Entry> entries, long total) {}

    /** A session as its cohort's page lists it. */
    public record SessionRow(long id, String title, Instant startsAt, Instant endsAt) {}

    /** A cohort in full: its course, where and when it meets, its seats and its sessions. */
    public record CohortDetail(
            long id, long courseId, String courseTitleJson, String courseSummaryJson, String outcomesJson, String language, Level level,
            int minAttendance, boolean finalAssessment, String label, LocalDate startsOn, LocalDate endsOn, String timeZone,
            Delivery delivery, String venue, String room, String meetingLink, int capacity, int seatsTaken, long waiting,
            Instant enrolmentOpensAt, Instant enrolmentClosesAt, boolean approvalRequired, Visibility visibility, boolean courseActive,
            List<Prerequisite> prerequisites, List<SessionRow> sessions) {

        public int seatsLeft() {
            return Math.max(0, capacity - seatsTaken);
        }

        public boolean isEnrolmentOpenAt(Instant now) {
            return courseActive && !now.isBefore(enrolmentOpensAt) && now.isBefore(enrolmentClosesAt);
        }

        CohortDetail withSessions(List<SessionRow> all) {
            return new CohortDetail(id, courseId, courseTitleJson, courseSummaryJson, outcomesJson, language, level, minAttendance,
                    finalAssessment, label, startsOn, endsOn, timeZone, delivery, venue, room, meetingLink, capacity, seatsTaken, waiting,
                    enrolmentOpensAt, enrolmentClosesAt, approvalRequired, visibility, courseActive, prerequisites, all);
        }
    }

    /** A course to complete first, by its id and title. */
    public record Prerequisite(long courseId, String titleJson) {}

    /** The active courses, newest first, each with its number of public cohorts still to come or running. */
    public List<CourseCard> activeCourses(int max) {
        return Rows.list(em.createNativeQuery("""
                                select c.id, c.title, c.summary, c.duration_weeks, c.level, c.language,
                                       (select count(*) from cohort h where h.course_id = c.id and h.visibility = 'PUBLIC'
                                          and h.ends_on >= (now() at time zone h.time_zone)::date) as cohorts
                                from course c where c.status = 'ACTIVE' order by c.id desc limit ?1""")
                        .setParameter(1, max),
                r -> new CourseCard(r.id("id"), r.text("title"), r.text("summary"), r.integer("duration_weeks"),
                        r.constant(Level.class, "level"), r.text("language"), r.id("cohorts")));
    }

    /** The languages courses are taught in, for the catalog's filter. */
    public List<String> languages() {
        @SuppressWarnings("unchecked")
        List<String> languages = em.createNativeQuery("select distinct language from course where status = 'ACTIVE' order by language")
                .getResultList();
        return languages;
    }

    /**
     * A page of the catalog: public cohorts of active courses that have not ended (by the day on
     * their own clock), soonest first, in one statement (the total rides along on every row).
     */
    public Page page(Filter filter, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder("""
                h.visibility = 'PUBLIC' and c.status = 'ACTIVE' and h.ends_on >= (now() at time zone h.time_zone)::date""");
        if (filter.language() != null) {
            params.add(filter.language());
            where.append(" and c.language = ?").append(params.size());
        }
        if (filter.level() != null) {
            params.add(filter.level().name());
            where.append(" and c.level = ?").append(params.size());
        }
        if (filter.delivery() != null) {
            params.add(filter.delivery().name());
            where.append(" and h.delivery = ?").append(params.size());
        }
        if (filter.from() != null) {
            params.add(Date.valueOf(filter.from()));
            where.append(" and h.starts_on >= ?").append(params.size());
        }
        if (filter.to() != null) {
            params.add(Date.valueOf(filter.to()));
            where.append(" and h.starts_on <= ?").append(params.size());
        }
        if (filter.withSeats()) {
            where.append(" and h.seats_taken < h.capacity");
        }
        if (filter.courseId() != null) {
            params.add(filter.courseId());
            where.append(" and h.course_id = ?").append(params.size());
        }
        params.add(limit);
        params.add(offset);
        // The page first (one index walk in date order, the total counted alongside), then its few
        // rows' waitlists and sessions: never a subquery per cohort that is not shown.
        var query = em.createNativeQuery("""
                with page as (
                  select h.id, h.course_id, c.title, c.summary, c.language, c.level, h.label, h.starts_on, h.ends_on, h.time_zone,
                         h.delivery, h.venue, h.capacity, h.seats_taken, h.enrolment_opens_at, h.enrolment_closes_at,
                         h.approval_required, count(*) over () as total
                  from cohort h join course c on c.id = h.course_id
                  where %s
                  order by h.starts_on, h.id
                  limit ?%d offset ?%d)
                select p.*,
                       (select count(*) from enrolment e where e.cohort_id = p.id and e.status = 'WAITLISTED') as waiting,
                       (select count(*) from cohort_session s where s.cohort_id = p.id) as sessions,
                       (select min(s.starts_at) from cohort_session s where s.cohort_id = p.id) as first_session
                from page p order by p.starts_on, p.id""".formatted(where, params.size() - 1, params.size()));
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        long[] total = {0};
        List<Entry> entries = Rows.list(query, r -> {
            total[0] = r.id("total");
            return new Entry(r.id("id"), r.id("course_id"), r.text("title"), r.text("summary"), r.text("language"),
                    r.constant(Level.class, "level"), r.text("label"), r.date("starts_on"), r.date("ends_on"), r.text("time_zone"),
                    r.constant(Delivery.class, "delivery"), r.text("venue"), r.integer("capacity"), r.integer("seats_taken"),
                    r.id("waiting"), r.instant("enrolment_opens_at"), r.instant("enrolment_closes_at"), r.flag("approval_required"),
                    r.integer("sessions"), r.instant("first_session"));
        });
        return new Page(entries, total[0]);
    }

    /** A public cohort with its sessions; empty for an invited-only cohort, as for one that does not exist. */
    public Optional<CohortDetail> cohort(long cohortId) {
        return detail(em, cohortId, "h.visibility = 'PUBLIC'", List.of());
    }

    /**
     * A cohort in full, when the condition (on the cohort {@code h}, with its own parameters from
     * ?2) lets the reader see it: two statements.
     */
    static Optional<CohortDetail> detail(EntityManager em, long cohortId, String visibleWhen, List<Object> params) {
        var query = em.createNativeQuery("""
                select h.id, h.course_id, c.title, c.summary, c.outcomes, c.language, c.level, c.min_attendance, c.final_assessment,
                       h.label, h.starts_on, h.ends_on, h.time_zone, h.delivery, h.venue, h.room, h.meeting_link, h.capacity,
                       h.seats_taken, h.enrolment_opens_at, h.enrolment_closes_at, h.approval_required, h.visibility,
                       c.status = 'ACTIVE' as course_active,
                       (select count(*) from enrolment e where e.cohort_id = h.id and e.status = 'WAITLISTED') as waiting,
                       (select coalesce(jsonb_agg(jsonb_build_object('id', r.id, 'title', r.title) order by r.id), '[]'::jsonb)
                        from course_prerequisite p join course r on r.id = p.required_id where p.course_id = c.id)::text as prerequisites
                from cohort h join course c on c.id = h.course_id
                where h.id = ?1 and (%s)""".formatted(visibleWhen))
                .setParameter(1, cohortId);
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 2, params.get(i));
        }
        return Rows.first(query, Catalog::detail).map(d -> d.withSessions(Rows.list(em.createNativeQuery(
                                "select id, title, starts_at, ends_at from cohort_session where cohort_id = ?1 order by starts_at, id")
                        .setParameter(1, cohortId),
                r -> new SessionRow(r.id("id"), r.text("title"), r.instant("starts_at"), r.instant("ends_at")))));
    }

    private static CohortDetail detail(Rows.Row r) {
        List<Prerequisite> prerequisites = new ArrayList<>();
        try (var reader = org.hamkke.shared.JsonObjects.JSON.createReader(new java.io.StringReader(r.text("prerequisites")))) {
            for (var value : reader.readArray()) {
                var o = value.asJsonObject();
                prerequisites.add(new Prerequisite(o.getJsonNumber("id").longValue(), o.getJsonObject("title").toString()));
            }
        }
        return new CohortDetail(r.id("id"), r.id("course_id"), r.text("title"), r.text("summary"), r.text("outcomes"), r.text("language"),
                r.constant(Level.class, "level"), r.integer("min_attendance"), r.flag("final_assessment"), r.text("label"),
                r.date("starts_on"), r.date("ends_on"), r.text("time_zone"), r.constant(Delivery.class, "delivery"), r.text("venue"),
                r.text("room"), r.text("meeting_link"), r.integer("capacity"), r.integer("seats_taken"), r.id("waiting"),
                r.instant("enrolment_opens_at"), r.instant("enrolment_closes_at"), r.flag("approval_required"),
                r.constant(Visibility.class, "visibility"), r.flag("course_active"), List.copyOf(prerequisites), List.of());
    }
}
