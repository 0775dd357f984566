package org.hamkke.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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

    /**
     * How long before something a person takes part in (a session of a course) their reminder
     * comes, or never. Kept in minutes; without a choice stored, a day before.
     */
    public enum ReminderLead {
        OFF(0),
        HOURS_2(120),
        HOURS_24(24 * 60),
        HOURS_48(48 * 60);

        public static final ReminderLead DEFAULT = HOURS_24;

        private final int minutes;

        ReminderLead(int minutes) {
            this.minutes = minutes;
        }

        public Duration before() {
            return Duration.ofMinutes(minutes);
        }

        public boolean isOff() {
            return this == OFF;
        }

        /** The choice stored as minutes; the default for none, and for a value no choice offers. */
        static ReminderLead ofMinutes(Integer minutes) {
            return Arrays.stream(values()).filter(l -> minutes != null && l.minutes == minutes).findFirst().orElse(DEFAULT);
        }

        /** The longest lead any choice offers: how far ahead a reminder job must look. */
        public static Duration longest() {
            return Arrays.stream(values()).map(ReminderLead::before).max(Duration::compareTo).orElseThrow();
        }
    }

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

    /** The person's reminder lead ({@link ReminderLead#DEFAULT} until they choose). */
    public ReminderLead reminderLead(long personId) {
        return reminderLeads(List.of(personId)).get(personId);
    }

    /** The reminder leads of many people in one statement; everyone asked is in the answer. */
    public Map<Long, ReminderLead> reminderLeads(Collection<Long> personIds) {
        Map<Long, ReminderLead> leads = new HashMap<>();
        personIds.forEach(id -> leads.put(id, ReminderLead.DEFAULT));
        if (personIds.isEmpty()) {
            return leads;
        }
        String ids = personIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
        Rows.list(em.createNativeQuery("""
                                select person_id, reminder_lead_minutes from notice_delivery
                                where person_id = any(cast(?1 as bigint[])) and reminder_lead_minutes is not null""")
                        .setParameter(1, ids),
                        r -> Map.entry(r.id("person_id"), ReminderLead.ofMinutes(r.optionalInteger("reminder_lead_minutes"))))
                .forEach(e -> leads.put(e.getKey(), e.getValue()));
        return leads;
    }

    /** As {@link #save(long, Map, Delivery)}, and the reminder lead too. */
    public void save(long personId, Map<NoticeKind, Boolean> email, Delivery delivery, ReminderLead lead) {
        save(personId, email, delivery);
        em.createNativeQuery("update notice_delivery set reminder_lead_minutes = ?2 where person_id = ?1")
                .setParameter(1, personId)
                .setParameter(2, lead.minutes)
                .executeUpdate();
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
