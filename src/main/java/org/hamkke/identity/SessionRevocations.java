package org.hamkke.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamkke.identity.LogoutTokenVerifier.InvalidLogoutTokenException;
import org.hamkke.identity.LogoutTokenVerifier.LogoutToken;
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

    @Inject
    LogoutTokenVerifier verifier;

    /** Longer than any portal session can live (the realm's SSO maximum is 10 hours). */
    @Inject
    @ConfigProperty(name = "hamkke.housekeeping.revocation-age", defaultValue = "P2D")
    Duration keep;

    /**
     * Acts on a back-channel logout token: verifies it, remembers its {@code jti} and records the
     * session it ends, in one transaction, so a token is never remembered without its effect.
     *
     * <p>Open to anyone (Keycloak calls anonymously): the token's signature by the realm's key is
     * the caller's credential, checked here before anything is written.
     *
     * @throws InvalidLogoutTokenException forged, expired, not for us, or seen before: nothing recorded
     */
    @Allowed(anyone = true)
    public LogoutToken accept(String token, Instant now) throws InvalidLogoutTokenException {
        LogoutToken logout = verifier.verify(token, this::firstTime);
        revoke(logout.sid(), logout.sid() == null ? logout.subject() : null, now);
        return logout;
    }

    /** True the first time a jti comes; the primary key decides, also between two instances at once. */
    boolean firstTime(String jti, Instant until) {
        return em.createNativeQuery("insert into logout_token_seen (jti, expires_at) values (?1, ?2) on conflict (jti) do nothing")
                        .setParameter(1, jti)
                        .setParameter(2, Timestamp.from(until))
                        .executeUpdate()
                == 1;
    }

    /**
     * Records that a Keycloak session ended: one row per session (a second word about the same sid
     * only moves its time).
     *
     * @param sid the Keycloak session, when the logout token names one
     * @param subject the person, when the logout token names them instead: then every portal
     *     session of theirs that began before now ends
     */
    public void revoke(String sid, String subject, Instant at) {
        em.createNativeQuery("""
                        insert into revoked_session (sid, subject, revoked_at) values (?1, ?2, ?3)
                        on conflict (sid) do update set revoked_at = excluded.revoked_at
                        """)
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

    /**
     * A revocation older than any live session can be forgotten: no session it could end remains.
     * A logout token past its expiry is refused for that alone, so its jti need not be kept.
     */
    @Override
    public int clean(Instant now) {
        int revocations = em.createNativeQuery("delete from revoked_session where revoked_at < ?1")
                .setParameter(1, Timestamp.from(now.minus(keep)))
                .executeUpdate();
        return revocations + em.createNativeQuery("delete from logout_token_seen where expires_at < ?1")
                .setParameter(1, Timestamp.from(now))
                .executeUpdate();
    }
}
