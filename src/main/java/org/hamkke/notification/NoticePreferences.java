package org.hamkke.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hamkke.identity.Allowed;

/**
 * A person's e-mail choices: off per kind (never for mandatory kinds), and immediate or once a
 * day in a digest. Without a choice stored, e-mail is on and immediate.
 */
/** A person's own choices (keyed by their id); the digest and delivery read them as the portal. */
@Allowed(signedIn = true, portal = true)
@ApplicationScoped
@Transactional
public class NoticePreferences {

    public enum Delivery {
        IMMEDIATE,
        DAILY_DIGEST
    }

    public record Choices(Map<NoticeKind, Boolean> email, Delivery delivery) {}

    @Inject
    EntityManager em;

    public Choices of(long personId) {
        Map<NoticeKind, Boolean> email = new EnumMap<>(NoticeKind.class);
        NoticeKind.choosable().forEach(kind -> email.put(kind, true));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select kind, email from notice_preference where person_id = ?1")
                .setParameter(1, personId)
                .getResultList();
        for (Object[] row : rows) {
            NoticeKind kind = NoticeKind.fromKey((String) row[0]);
            email.put(kind, kind.isMandatory() || (Boolean) row[1]);
        }
        return new Choices(email, delivery(personId));
    }

    public void save(long personId, Map<NoticeKind, Boolean> email, Delivery delivery) {
        email.forEach((kind, on) -> {
            if (kind.isMandatory()) {
                return;
            }
            em.createNativeQuery(
                            """
                            insert into notice_preference (person_id, kind, email) values (?1, ?2, ?3)
                            on conflict (person_id, kind) do update set email = excluded.email
                            """)
                    .setParameter(1, personId)
                    .setParameter(2, kind.key())
                    .setParameter(3, on)
                    .executeUpdate();
        });
        em.createNativeQuery(
                        """
                        insert into notice_delivery (person_id, mode) values (?1, ?2)
                        on conflict (person_id) do update set mode = excluded.mode
                        """)
                .setParameter(1, personId)
                .setParameter(2, delivery.name())
                .executeUpdate();
    }

    /**
     * How a new notice's e-mail starts out, in one query: SKIPPED (no address, or turned off),
     * DIGEST (waits for the daily digest) or PENDING (the outbox sends it now).
     */
    String emailStateFor(long personId, NoticeKind kind) {
        Object[] row = (Object[]) em.createNativeQuery(
                        """
                        select p.email, (select email from notice_preference where person_id = p.id and kind = ?2),
                               (select mode from notice_delivery where person_id = p.id)
                        from person p where p.id = ?1
                        """)
                .setParameter(1, personId)
                .setParameter(2, kind.key())
                .getResultStream()
                .findFirst()
                .orElse(new Object[] {null, null, null});
        String address = (String) row[0];
        if (address == null || address.isBlank()) {
            return "SKIPPED";
        }
        if (kind.isMandatory()) {
            return "PENDING";
        }
        if (Boolean.FALSE.equals(row[1])) {
            return "SKIPPED";
        }
        return Delivery.DAILY_DIGEST.name().equals(row[2]) ? "DIGEST" : "PENDING";
    }

    private Delivery delivery(long personId) {
        List<?> modes = em.createNativeQuery("select mode from notice_delivery where person_id = ?1")
                .setParameter(1, personId)
                .getResultList();
        return modes.isEmpty() ? Delivery.IMMEDIATE : Delivery.valueOf(modes.getFirst().toString());
    }

}
