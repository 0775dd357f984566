package org.hamkke.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamkke.identity.Allowed;
import org.hamkke.shared.retention.Housekeeper;

/**
 * Read notices older than hamkke.housekeeping.notice-age (a year) go. Unread ones stay, and so
 * does the row's deduplication key while it lives: removing a notice only lets the same key notify
 * again after a year, by which time it is a new event anyway.
 */
@Allowed(portal = true)
@ApplicationScoped
@Transactional
public class NoticeHousekeeper implements Housekeeper {

    @Inject
    EntityManager em;

    @Inject
    @ConfigProperty(name = "hamkke.housekeeping.notice-age", defaultValue = "P365D")
    Duration keep;

    @Override
    public String name() {
        return "read notices";
    }

    @Override
    public int clean(Instant now) {
        return em.createNativeQuery("""
                        delete from notice where read_at is not null and created_at < ?1
                          and email_state not in ('PENDING', 'SENDING', 'DIGEST')
                        """)
                .setParameter(1, Timestamp.from(now.minus(keep)))
                .executeUpdate();
    }
}
