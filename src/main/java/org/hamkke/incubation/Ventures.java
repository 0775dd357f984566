package org.hamkke.incubation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import org.hamkke.intake.ApplicationAccepted;

/**
 * Incubated ventures. One is created for each accepted application, in the same transaction as
 * the acceptance: there is never an accepted application without its venture, nor the reverse.
 */
@ApplicationScoped
@Transactional
public class Ventures {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    void onAccepted(@Observes ApplicationAccepted accepted) {
        Number id = (Number) em.createNativeQuery(
                        """
                        insert into venture (application_id, name, legal_form, sector, region, created_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6) returning id
                        """)
                .setParameter(1, accepted.applicationId())
                .setParameter(2, accepted.name())
                .setParameter(3, accepted.legalForm())
                .setParameter(4, accepted.sector())
                .setParameter(5, accepted.region())
                .setParameter(6, Timestamp.from(clock.instant()))
                .getSingleResult();
        em.createNativeQuery("insert into venture_member (venture_id, person_id, name, role) "
                        + "select ?1, id, coalesce(nullif(display_name, ''), username), 'applicant' from person where id = ?2")
                .setParameter(1, id.longValue())
                .setParameter(2, accepted.applicantId())
                .executeUpdate();
        for (ApplicationAccepted.Member member : accepted.members()) {
            em.createNativeQuery("insert into venture_member (venture_id, name, role) values (?1, ?2, ?3)")
                    .setParameter(1, id.longValue())
                    .setParameter(2, member.name())
                    .setParameter(3, member.role())
                    .executeUpdate();
        }
    }
}
