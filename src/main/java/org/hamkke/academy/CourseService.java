package org.hamkke.academy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.hamkke.identity.Allowed;

/** The course catalog as the public sees it. */
/** The catalog is public. */
@Allowed(anyone = true)
@ApplicationScoped
@Transactional
public class CourseService {

    @Inject
    EntityManager em;

    public List<Course> publishedCourses(int max) {
        return em.createNamedQuery("Course.published", Course.class).setMaxResults(max).getResultList();
    }
}
