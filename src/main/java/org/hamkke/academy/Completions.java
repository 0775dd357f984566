package org.hamkke.academy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hamkke.identity.Allowed;
import org.hamkke.identity.Role;
import org.hamkke.shared.db.Rows;

/**
 * What the rest of the portal may ask the academy about courses and their completion: the
 * intake's programme calls may require a completed course, and ask here (the academy reads no
 * other feature; they read it). A course counts as completed by a person when one of their
 * enrolments in any cohort of it is {@link EnrolmentStatus#COMPLETED}, the same rule the
 * academy's own prerequisites follow ({@link Cohort#enrol}).
 */
@ApplicationScoped
@Transactional
public class Completions {

    @Inject
    EntityManager em;

    /** A course by its id and title (JSON per language), for a page that names and links it. */
    public record CourseRef(long id, String titleJson, boolean active) implements Serializable {}

    /** Whether the person has completed the course (in any of its cohorts). */
    @Allowed(signedIn = true, portal = true)
    public boolean hasCompleted(long personId, long courseId) {
        return !em.createNativeQuery("""
                        select 1 from enrolment e join cohort h on h.id = e.cohort_id
                        where e.person_id = ?1 and h.course_id = ?2 and e.status = 'COMPLETED' limit 1""")
                .setParameter(1, personId)
                .setParameter(2, courseId)
                .getResultList()
                .isEmpty();
    }

    /** A course's id and title: public, as the catalog is. */
    @Allowed(anyone = true)
    public Optional<CourseRef> course(long courseId) {
        return courses(List.of(courseId)).values().stream().findFirst();
    }

    /** Several courses by id, in one statement; ids that name no course are left out. */
    @Allowed(anyone = true)
    public Map<Long, CourseRef> courses(Collection<Long> courseIds) {
        Map<Long, CourseRef> found = new LinkedHashMap<>();
        if (courseIds.isEmpty()) {
            return found;
        }
        Rows.list(em.createNativeQuery("select id, title, status = 'ACTIVE' as active from course where id = any(cast(?1 as bigint[]))")
                        .setParameter(1, Ids.array(courseIds)),
                r -> new CourseRef(r.id("id"), r.text("title"), r.flag("active")))
                .forEach(c -> found.put(c.id(), c));
        return found;
    }

    /** The active courses, for staff choosing the one a call requires. */
    @Allowed({Role.STAFF, Role.ADMIN})
    public List<CourseRef> activeCourses() {
        return Rows.list(em.createNativeQuery("""
                        select id, title, true as active from course where status = 'ACTIVE' order by lower(title ->> 'en'), id"""),
                r -> new CourseRef(r.id("id"), r.text("title"), r.flag("active")));
    }
}
