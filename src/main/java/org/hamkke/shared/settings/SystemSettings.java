package org.hamkke.shared.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.hamkke.identity.Allowed;
import org.hamkke.identity.Role;

/** Settings an admin may change while the portal runs; shared by every instance through the database. */
/** Settings admins change at run time; staff pages and the portal's own work read them. */
@Allowed(value = {Role.STAFF, Role.ADMIN}, portal = true)
@ApplicationScoped
@Transactional
public class SystemSettings {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    public Optional<String> find(String key) {
        java.util.List<?> values = em.createNativeQuery("select value from system_setting where key = ?1")
                .setParameter(1, key)
                .getResultList();
        return values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst().toString());
    }

    @Allowed(value = Role.ADMIN, portal = true)
    public void put(String key, String value, Long updatedBy) {
        em.createNativeQuery(
                        """
                        insert into system_setting (key, value, updated_at, updated_by) values (?1, ?2, ?3, ?4)
                        on conflict (key) do update set value = excluded.value,
                          updated_at = excluded.updated_at, updated_by = excluded.updated_by
                        """)
                .setParameter(1, key)
                .setParameter(2, value)
                .setParameter(3, Timestamp.from(clock.instant()))
                .setParameter(4, updatedBy)
                .executeUpdate();
    }
}
