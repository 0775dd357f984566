package org.hamkke.shared.db;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.SynchronizationType;
import jakarta.persistence.TransactionRequiredException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
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
 * boundary, {@code @Transactional} on the class).
 */
@ApplicationScoped
public class Persistence {

    static final String UNIT = "hamkke";

    @Inject
    SchemaMigration schema;

    private volatile EntityManagerFactory factory;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * One proxy for every injection point; each call goes to the EntityManager of the current JTA
     * transaction, created on first use in it and closed when it completes. (A
     * {@code @TransactionScoped} producer would do the same, but CDI refuses it: the scope is
     * passivating and EclipseLink's EntityManager is not serialisable.)
     */
    @Produces
    EntityManager entityManager() {
        return (EntityManager) Proxy.newProxyInstance(
                Persistence.class.getClassLoader(), new Class<?>[] {EntityManager.class}, this::invoke);
    }

    private Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "toString":
                return "EntityManager of the current transaction";
            case "hashCode":
                return System.identityHashCode(proxy);
            case "equals":
                return proxy == args[0];
            default:
                try {
                    return method.invoke(current(), args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
        }
    }

    private EntityManager current() {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new TransactionRequiredException("Data access outside a transaction: make the service @Transactional");
        }
        EntityManager em = (EntityManager) transactions.getResource(Persistence.class);
        if (em == null) {
            EntityManager created = factory().createEntityManager(SynchronizationType.SYNCHRONIZED);
            transactions.putResource(Persistence.class, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    created.close();
                }
            });
            em = created;
        }
        return em;
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
