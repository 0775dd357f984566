package org.hamkke.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;

/** Programme calls as the public sees them. */
@ApplicationScoped
public class ProgrammeCallService {

    @PersistenceContext(unitName = "hamkke")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    /** Calls open now (server time decides), soonest closing first. */
    public List<ProgrammeCall> openCalls(int max) {
        return em.createNamedQuery("ProgrammeCall.openAt", ProgrammeCall.class)
                .setParameter("now", clock.instant())
                .setMaxResults(max)
                .getResultList();
    }
}
