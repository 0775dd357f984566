package org.hamkke.shared.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.hamkke.identity.Allowed;
import org.hamkke.identity.Role;
import org.hamkke.shared.db.Rows;

/**
 * The audit trail of staff and admin actions. An entry joins the transaction of the action it
 * records, so there is never an action without its entry, or an entry for an action that failed.
 */
/** Written by every service acting for someone; read by staff. */
@Allowed(signedIn = true, portal = true)
@ApplicationScoped
@Transactional
public class AuditLog {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    public void record(Actor actor, String action, String objectType, String objectId, String detail) {
        em.createNativeQuery(
                        """
                        insert into audit_entry (at, actor_id, actor, action, object_type, object_id, detail)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        """)
                .setParameter(1, Timestamp.from(clock.instant()))
                .setParameter(2, actor.personId())
                .setParameter(3, actor.username())
                .setParameter(4, action)
                .setParameter(5, objectType)
                .setParameter(6, objectId)
                .setParameter(7, detail)
                .executeUpdate();
    }

    /** The latest entries about one kind of object, newest first. */
    @Allowed({Role.STAFF, Role.ADMIN})
    public List<AuditEntry> latest(String objectType, int limit) {
        return Rows.list(em.createNativeQuery(
                                """
                                select at, actor, action, object_id, detail from audit_entry
                                where object_type = ?1 order by at desc, id desc limit ?2
                                """)
                        .setParameter(1, objectType)
                        .setParameter(2, limit),
                r -> new AuditEntry(r.instant("at"), r.text("actor"), r.text("action"), r.text("object_id"), r.text("detail")));
    }

    public record AuditEntry(java.time.Instant at, String actor, String action, String objectId, String detail) {}
}
