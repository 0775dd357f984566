package org.hamkke.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamkke.shared.retention.Housekeeper;

/**
 * Keycloak sessions that have ended (signed out elsewhere, ended by an administrator, user
 * disabled). Kept in the database rather than in memory because the back-channel call reaches one
 * portal node while the person's next request may land on another.
 */
/** Written when Keycloak's verified logout call arrives (as the portal), read for each signed-in session. */
@Allowed(portal = true)
@ApplicationScoped
@Transactional
public class SessionRevocations implements Housekeeper {

    @Inject
    EntityManager em;

    /** Longer than any portal session can live (the realm's SSO maximum is 10 hours). */
    @Inject
    @ConfigProperty(name = "hamkke.housekeeping.revocation-age", defaultValue = "P2D")
    Duration keep;

    /**
     * Records that a Keycloak session ended.
     *
     * @param sid the Keycloak session, when the logout token names one
     * @param subject the person, when the logout token names them instead: then every portal
     *     session of theirs that began before now ends
     */
    public void revoke(String sid, String subject, Instant at) {
        em.createNativeQuery("insert into revoked_session (sid, subject, revoked_at) values (?1, ?2, ?3)")
                .setParameter(1, sid)
                .setParameter(2, subject)
                .setParameter(3, Timestamp.from(at))
                .executeUpdate();
    }

    /** Whether the portal session of this sign-in must end. */
    @Allowed(signedIn = true)
    public boolean isRevoked(SignedIn signedIn) {
        return !em.createNativeQuery(
                        """
                        select 1 from revoked_session
                        where (sid is not null and sid = ?1)
                           or (sid is null and subject = ?2 and revoked_at >= ?3)
                        limit 1
                        """)
                .setParameter(1, signedIn.sid())
                .setParameter(2, signedIn.subject())
                .setParameter(3, Timestamp.from(signedIn.at()))
                .getResultList()
                .isEmpty();
    }

    @Override
    public String name() {
        return "ended sign-in sessions";
    }

    /** A revocation older than any live session can be forgotten: no session it could end remains. */
    @Override
    public int clean(Instant now) {
        return em.createNativeQuery("delete from revoked_session where revoked_at < ?1")
                .setParameter(1, Timestamp.from(now.minus(keep)))
                .executeUpdate();
    }
}
