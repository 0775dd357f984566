package org.hamkke.shared.db;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.SynchronizationType;
import jakarta.transaction.TransactionScoped;
import java.util.Map;
import org.hamkke.shared.TemporarilyUnavailableException;

/**
 * The JPA unit, opened on first use rather than at deploy time.
 *
 * <p>Why not {@code @PersistenceContext}: Payara opens a container-managed unit while deploying
 * and fails the whole deployment if PostgreSQL is down then. The portal must instead start, say
 * "temporarily unavailable", and recover by itself. So the unit lives in
 * {@code META-INF/hamkke-persistence.xml} (invisible to the container) and is opened here once the
 * schema is migrated; a failed opening is forgotten and tried again on the next request.
 *
 * <p>Services inject {@code EntityManager}: one per JTA transaction, joined to it, so services
 * must run inside {@code @Transactional} methods (they do: the service is the transaction
 * boundary).
 */
@ApplicationScoped
public class Persistence {

    static final String UNIT = "hamkke";

    @Inject
    SchemaMigration schema;

    private volatile EntityManagerFactory factory;

    @Produces
    @TransactionScoped
    EntityManager entityManager() {
        return factory().createEntityManager(SynchronizationType.SYNCHRONIZED);
    }

    void close(@Disposes EntityManager em) {
        if (em.isOpen()) {
            em.close();
        }
    }

    private EntityManagerFactory factory() {
        EntityManagerFactory current = factory;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (factory == null) {
                if (!schema.isMigrated()) {
                    throw new TemporarilyUnavailableException();
                }
                factory = open();
            }
            return factory;
        }
    }

    private EntityManagerFactory open() {
        EntityManagerFactory created = jakarta.persistence.Persistence.createEntityManagerFactory(UNIT, Map.of(
                "eclipselink.persistencexml", "META-INF/hamkke-persistence.xml",
                "eclipselink.classloader", Persistence.class.getClassLoader()));
        try {
            // EclipseLink logs in on the first EntityManager: do it now, so a failure is not cached.
            created.createEntityManager().close();
            return created;
        } catch (PersistenceException e) {
            created.close();
            throw e;
        }
    }

    @PreDestroy
    void shutdown() {
        if (factory != null && factory.isOpen()) {
            factory.close();
        }
    }
}
