package org.hamkke.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hamkke.identity.Allowed;
import org.hamkke.shared.db.Rows;

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
        Rows.list(em.createNativeQuery("select kind, email from notice_preference where person_id = ?1").setParameter(1, personId),
                        r -> Map.entry(NoticeKind.fromKey(r.text("kind")), r.flag("email")))
                .forEach(choice -> email.put(choice.getKey(), choice.getKey().isMandatory() || choice.getValue()));
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
        Recipient row = Rows.first(em.createNativeQuery(
                                """
                                select p.email as address, (select email from notice_preference where person_id = p.id and kind = ?2) as email_on,
                                       (select mode from notice_delivery where person_id = p.id) as mode
                                from person p where p.id = ?1
                                """)
                        .setParameter(1, personId)
                        .setParameter(2, kind.key()),
                        r -> new Recipient(r.text("address"), (Boolean) r.raw("email_on"), r.text("mode")))
                .orElse(new Recipient(null, null, null));
        String address = row.address();
        if (address == null || address.isBlank()) {
            return "SKIPPED";
        }
        if (kind.isMandatory()) {
            return "PENDING";
        }
        if (Boolean.FALSE.equals(row.emailOn())) {
            return "SKIPPED";
        }
        return Delivery.DAILY_DIGEST.name().equals(row.mode()) ? "DIGEST" : "PENDING";
    }

    /** What decides a new notice's e-mail: the person's address, their choice for its kind (null: never chosen), their delivery mode. */
    private record Recipient(String address, Boolean emailOn, String mode) {}

    private Delivery delivery(long personId) {
        List<?> modes = em.createNativeQuery("select mode from notice_delivery where person_id = ?1")
                .setParameter(1, personId)
                .getResultList();
        return modes.isEmpty() ? Delivery.IMMEDIATE : Delivery.valueOf(modes.getFirst().toString());
    }

}
