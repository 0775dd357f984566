package org.hamkke.academy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.hamkke.identity.Allowed;
import org.hamkke.identity.Role;
import org.hamkke.shared.Problem;
import org.hamkke.shared.Refused;
import org.hamkke.shared.audit.Actor;
import org.hamkke.shared.audit.AuditLog;
import org.hamkke.shared.db.Rows;

/**
 * Staff's courses: the list, the editor's form, and saving it ({@link Course#revise}), audited.
 * The rules about prerequisites that need the database live here: they must be courses, and the
 * chosen ones must not (however indirectly) require the course itself.
 */
@Allowed({Role.STAFF, Role.ADMIN})
@ApplicationScoped
@Transactional
public class Courses {

    public static final String AUDIT_TYPE = "course";

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    /** A course in staff's list, with its cohorts (all, and those not ended). */
    public record Listing(long id, String titleJson, Level level, String language, CourseStatus status, int durationWeeks, long cohorts,
            long current) {}

    /** A course to choose from (a prerequisite, the course of a new cohort). */
    public record Option(long id, String titleJson, boolean active) implements java.io.Serializable {}

    public long count() {
        return ((Number) em.createNativeQuery("select count(*) from course").getSingleResult()).longValue();
    }

    /** Active courses first, then by title. */
    public List<Listing> page(int offset, int limit) {
        return Rows.list(em.createNativeQuery("""
                                select c.id, c.title, c.level, c.language, c.status, c.duration_weeks,
                                       (select count(*) from cohort h where h.course_id = c.id) as cohorts,
                                       (select count(*) from cohort h where h.course_id = c.id
                                          and h.ends_on >= (now() at time zone h.time_zone)::date) as current
                                from course c order by c.status, lower(c.title ->> 'en'), c.id offset ?1 limit ?2""")
                        .setParameter(1, offset)
                        .setParameter(2, limit),
                r -> new Listing(r.id("id"), r.text("title"), r.constant(Level.class, "level"), r.text("language"),
                        r.constant(CourseStatus.class, "status"), r.integer("duration_weeks"), r.id("cohorts"), r.id("current")));
    }

    public List<Option> options() {
        return Rows.list(em.createNativeQuery("select id, title, status = 'ACTIVE' as active from course order by status, lower(title ->> 'en'), id"),
                r -> new Option(r.id("id"), r.text("title"), r.flag("active")));
    }

    public Optional<CourseForm> form(long courseId) {
        return Optional.ofNullable(em.find(Course.class, courseId)).map(Course::toForm);
    }

    /**
     * Creates or updates the course from the editor's form, all of it or nothing.
     *
     * @return the course's id
     * @throws Refused with every problem, or "academy.changedMeanwhile" when someone saved it since the form was loaded
     * @throws IllegalArgumentException when the form names a course that does not exist
     */
    public long save(Actor actor, CourseForm form) {
        requirePrerequisites(form);
        Course course;
        if (form.getId() == null) {
            course = Course.from(form);
            em.persist(course);
            em.flush();
            audit.record(actor, "course.create", AUDIT_TYPE, String.valueOf(course.getId()), form.getTitle().get("en"));
        } else {
            course = em.find(Course.class, form.getId(), LockModeType.PESSIMISTIC_WRITE);
            if (course == null) {
                throw new IllegalArgumentException("No course " + form.getId());
            }
            course.requireSeen(form.getVersion());
            course.revise(form);
            audit.record(actor, "course.update", AUDIT_TYPE, String.valueOf(course.getId()),
                    course.getStatus() + ", " + form.getTitle().get("en"));
        }
        return course.getId();
    }

    /** The chosen prerequisites exist, and none of them requires (through others) the course being saved. */
    private void requirePrerequisites(CourseForm form) {
        List<Long> chosen = form.getPrerequisites().stream().distinct().toList();
        if (chosen.isEmpty()) {
            return;
        }
        long known = ((Number) em.createNativeQuery("select count(*) from course where id = any(cast(?1 as bigint[]))")
                        .setParameter(1, Ids.array(chosen))
                        .getSingleResult())
                .longValue();
        if (known != chosen.size()) {
            throw new Refused(List.of(new Problem("prerequisites", "academy.course.prerequisiteUnknown")));
        }
        if (form.getId() == null || chosen.contains(form.getId())) {
            return;
        }
        boolean cycle = (Boolean) em.createNativeQuery("""
                        with recursive required(id) as (
                          select unnest(cast(?1 as bigint[]))
                          union
                          select p.required_id from course_prerequisite p join required r on p.course_id = r.id)
                        select exists (select 1 from required where id = ?2)""")
                .setParameter(1, Ids.array(chosen))
                .setParameter(2, form.getId())
                .getSingleResult();
        if (cycle) {
            throw new Refused(List.of(new Problem("prerequisites", "academy.course.prerequisiteCycle")));
        }
    }
}
