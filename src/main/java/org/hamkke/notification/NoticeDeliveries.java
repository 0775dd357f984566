package org.hamkke.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamkke.identity.Allowed;
import org.hamkke.identity.Role;
import org.hamkke.shared.db.Rows;

/**
 * The e-mail side of notices, as database state: which are due, who is sending them, what went
 * wrong. Each method is its own short transaction, so a claim is visible to every instance at
 * once and a crash leaves nothing half-marked.
 *
 * <p>A notice is claimed (SENDING, with a lease) before its mail goes out, by one instance only
 * ({@code for update skip locked}). If that instance dies mid-send, the lease runs out and another
 * sends it: the one case where a mail may go twice, preferred to one never going.
 */
/** Mail delivery is the portal's own work; the failed-mail list and its retry are the admin's. */
@Allowed(portal = true)
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class NoticeDeliveries {

    private static final Duration LEASE = Duration.ofMinutes(2);

    @Inject
    EntityManager em;

    @Inject
    org.hamkke.shared.audit.AuditLog audit;

    /** Attempts before a notice's e-mail is given up (and shown to admins as failed). */
    @Inject
    @ConfigProperty(name = "hamkke.mail.max-attempts", defaultValue = "8")
    int maxAttempts;

    /** The wait after the first failure; it doubles each time, up to an hour. */
    @Inject
    @ConfigProperty(name = "hamkke.mail.retry-after", defaultValue = "PT1M")
    Duration retryAfter;

    public record Claimed(
            long id, NoticeKind kind, String data, String link, int attempts, String email, String locale, String name) {}

    public record FailedDelivery(
            long id, String recipient, String email, NoticeKind kind, Instant createdAt, String state, int attempts,
            Instant nextAttempt, String error) {}

    public List<Claimed> claim(Instant now, int batch) {
        return Rows.list(em.createNativeQuery(
                        """
                        update notice n set email_state = 'SENDING', email_claimed_until = ?2
                        from person p
                        where p.id = n.recipient_id and n.id in (
                            select id from notice
                            where (email_state = 'PENDING' and email_due_at <= ?1)
                               or (email_state = 'SENDING' and email_claimed_until < ?1)
                            order by email_due_at limit ?3
                            for update skip locked)
                        returning n.id, n.kind, n.data::text as data, n.link, n.email_attempts, p.email, p.locale,
                                  coalesce(nullif(p.display_name, ''), p.username) as name
                        """)
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, Timestamp.from(now.plus(LEASE)))
                .setParameter(3, batch),
                r -> new Claimed(r.id("id"), NoticeKind.fromKey(r.text("kind")), r.text("data"), r.text("link"),
                        r.integer("email_attempts"), r.text("email"), r.text("locale"), r.text("name")));
    }

    public void sent(List<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        em.createNativeQuery("update notice set email_state = 'SENT', email_sent_at = ?1, email_claimed_until = null, "
                        + "email_error = null, email_attempts = email_attempts + 1 where id in (" + idList(ids) + ")")
                .setParameter(1, Timestamp.from(now))
                .executeUpdate();
    }

    /**
     * A try that failed: due again after a growing wait, or FAILED for good when trying again
     * cannot help or the attempts are used up.
     */
    public void failed(long id, int attemptsBefore, boolean permanent, String error, Instant now) {
        int attempts = attemptsBefore + 1;
        boolean giveUp = permanent || attempts >= maxAttempts;
        em.createNativeQuery("update notice set email_state = ?2, email_attempts = ?3, email_due_at = ?4, "
                        + "email_claimed_until = null, email_error = ?5 where id = ?1")
                .setParameter(1, id)
                .setParameter(2, giveUp ? "FAILED" : "PENDING")
                .setParameter(3, attempts)
                .setParameter(4, Timestamp.from(now.plus(backoff(attempts))))
                .setParameter(5, error)
                .executeUpdate();
    }

    Duration backoff(int attempts) {
        Duration wait = retryAfter.multipliedBy(1L << Math.min(attempts - 1, 12));
        return wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait;
    }

    /** Failed for good, or failed at least once and waiting for another try; newest first. */
    @Allowed(Role.ADMIN)
    public List<FailedDelivery> troubled(int offset, int limit) {
        return Rows.list(em.createNativeQuery(
                        """
                        select n.id, coalesce(nullif(p.display_name, ''), p.username) as name, p.email, n.kind, n.created_at,
                               n.email_state, n.email_attempts, n.email_due_at, n.email_error
                        from notice n join person p on p.id = n.recipient_id
                        where n.email_state = 'FAILED' or (n.email_state in ('PENDING', 'SENDING') and n.email_attempts > 0)
                        order by n.created_at desc, n.id desc offset ?1 limit ?2
                        """)
                .setParameter(1, offset)
                .setParameter(2, limit),
                r -> new FailedDelivery(r.id("id"), r.text("name"), r.text("email"), NoticeKind.fromKey(r.text("kind")),
                        r.instant("created_at"), r.text("email_state"), r.integer("email_attempts"), r.instant("email_due_at"),
                        r.text("email_error")));
    }

    @Allowed(Role.ADMIN)
    public long troubledCount() {
        return ((Number) em.createNativeQuery(
                        """
                        select count(*) from notice
                        where email_state = 'FAILED' or (email_state in ('PENDING', 'SENDING') and email_attempts > 0)
                        """)
                        .getSingleResult())
                .longValue();
    }

    /** An admin asks for another try of a failed e-mail: due now, attempts counted afresh; audited. */
    @Allowed(Role.ADMIN)
    public boolean retry(org.hamkke.shared.audit.Actor admin, long id, Instant now) {
        boolean reset = em.createNativeQuery("update notice set email_state = 'PENDING', email_attempts = 0, email_due_at = ?2 "
                                + "where id = ?1 and email_state = 'FAILED'")
                        .setParameter(1, id)
                        .setParameter(2, Timestamp.from(now))
                        .executeUpdate()
                == 1;
        if (reset) {
            audit.record(admin, "notice.retry", "notice", String.valueOf(id), null);
        }
        return reset;
    }

    private static String idList(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
