package org.hamkke.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hamkke.identity.Allowed;
import org.hamkke.shared.JsonObjects;
import org.hamkke.shared.db.Rows;

/**
 * The one door features use to tell a person something. A notice is stored in the caller's
 * transaction (so it exists exactly when the action that caused it committed), unique per
 * recipient and deduplication key; e-mail follows after the commit, asynchronously, through the
 * {@link MailOutbox}, so a slow or absent mail server never slows or breaks the person's action.
 */
/** A person's own notices, keyed by their id; any service acting for someone may notify. */
@Allowed(signedIn = true, portal = true)
@ApplicationScoped
@Transactional
public class NotificationService {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    NoticePreferences preferences;

    @Inject
    Event<NoticeQueued> queued;

    public record Notice(
            long id, NoticeKind kind, Map<String, String> data, String link, Instant createdAt, Instant readAt) {

        public boolean isUnread() {
            return readAt == null;
        }
    }

    /**
     * Records the notice unless the recipient already has one with this key.
     *
     * @return true if this call created it; false for a duplicate (nothing is sent twice)
     */
    public boolean notify(@NotNull @Valid NoticeEvent event) {
        Instant now = clock.instant();
        String state = preferences.emailStateFor(event.recipientId(), event.kind());
        @SuppressWarnings("unchecked")
        List<Object> created = em.createNativeQuery(
                        """
                        insert into notice (recipient_id, kind, dedupe_key, data, link, created_at, read_at, email_state, email_due_at)
                        select ?1, ?2, ?3, cast(?4 as jsonb), ?5, ?6, ?7, ?8, ?6
                        where exists (select 1 from person where id = ?1)
                        on conflict (recipient_id, dedupe_key) do nothing
                        returning id
                        """)
                .setParameter(1, event.recipientId())
                .setParameter(2, event.kind().key())
                .setParameter(3, event.dedupeKey())
                .setParameter(4, JsonObjects.of(event.data()))
                .setParameter(5, event.link())
                .setParameter(6, Timestamp.from(now))
                // The digest is an e-mail; in the portal its items were already shown one by one.
                .setParameter(7, event.kind() == NoticeKind.DAILY_DIGEST ? Timestamp.from(now) : null)
                .setParameter(8, state)
                .getResultList();
        if (created.isEmpty()) {
            return false;
        }
        if ("PENDING".equals(state)) {
            queued.fire(new NoticeQueued(((Number) created.getFirst()).longValue()));
        }
        return true;
    }

    public long unreadCount(long personId) {
        return ((Number) em.createNativeQuery("select count(*) from notice where recipient_id = ?1 and read_at is null")
                        .setParameter(1, personId)
                        .getSingleResult())
                .longValue();
    }

    public long count(long personId) {
        return ((Number) em.createNativeQuery("select count(*) from notice where recipient_id = ?1")
                        .setParameter(1, personId)
                        .getSingleResult())
                .longValue();
    }

    /** One page of the person's notices, newest first. */
    public List<Notice> page(long personId, int offset, int size) {
        return Rows.list(em.createNativeQuery(
                                """
                                select id, kind, data::text as data, link, created_at, read_at from notice
                                where recipient_id = ?1 order by created_at desc, id desc offset ?2 limit ?3
                                """)
                        .setParameter(1, personId)
                        .setParameter(2, offset)
                        .setParameter(3, size),
                r -> new Notice(r.id("id"), NoticeKind.fromKey(r.text("kind")), JsonObjects.strings(r.text("data")),
                        r.text("link"), r.instant("created_at"), r.instant("read_at")));
    }

    /**
     * Marks one of the person's notices read and gives its link; empty for a notice that is not
     * theirs (the same answer as for one that does not exist).
     */
    public java.util.Optional<String> open(long personId, long noticeId) {
        @SuppressWarnings("unchecked")
        List<Object> link = em.createNativeQuery(
                        """
                        update notice set read_at = coalesce(read_at, ?3)
                        where id = ?1 and recipient_id = ?2 returning coalesce(link, '/me/notices.xhtml')
                        """)
                .setParameter(1, noticeId)
                .setParameter(2, personId)
                .setParameter(3, Timestamp.from(clock.instant()))
                .getResultList();
        return link.stream().map(String.class::cast).findFirst();
    }

    public int markAllRead(long personId) {
        return em.createNativeQuery("update notice set read_at = ?2 where recipient_id = ?1 and read_at is null")
                .setParameter(1, personId)
                .setParameter(2, Timestamp.from(clock.instant()))
                .executeUpdate();
    }
}
