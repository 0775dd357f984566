package org.hamkke.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.hamkke.identity.Allowed;

/** Programme calls as the public sees them. */
/** Open calls are public. */
@Allowed(anyone = true)
@ApplicationScoped
@Transactional
public class ProgrammeCallService {

    @Inject
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
