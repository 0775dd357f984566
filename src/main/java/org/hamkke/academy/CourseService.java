package org.hamkke.academy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The course catalog as the public sees it. */
@ApplicationScoped
public class CourseService {

    @PersistenceContext(unitName = "hamkke")
    EntityManager em;

    public List<Course> publishedCourses(int max) {
        return em.createNamedQuery("Course.published", Course.class).setMaxResults(max).getResultList();
    }
}
