package org.hamkke.academy;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.hamkke.academy.certificate.RsaCredentialKeys;
import org.hamkke.shared.db.Rows;

/**
 * The signing key kept in the database, for a portal whose configuration gives none: every instance
 * signs with the same key and publishes the same JWK Set. The first instance to need it makes it,
 * under a transaction-scoped advisory lock, so two instances starting together make one key, not
 * two; the others read it. The private part never leaves this class but inside the key object,
 * whose {@code toString} names only its {@code kid}.
 */
@ApplicationScoped
class CredentialKeyStore {

    /** The advisory lock's key: "hamkke" and the purpose, as one bigint. */
    private static final long LOCK = 0x68616d6b6b65L << 8 | 0x01;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * The current key (made now if there is none) and the retired ones, in a transaction of its
     * own: a key made here is kept whether or not the work that needed it commits.
     *
     * @param jwksUrl where the public keys are published; a new key's {@code kid} is this with its thumbprint
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    RsaCredentialKeys loadOrCreate(URI jwksUrl) {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1)) l").setParameter(1, LOCK).getSingleResult();
        record Stored(String jwk, boolean current) {}
        List<Stored> stored = Rows.list(em.createNativeQuery(
                        "select private_jwk, retired_at is null as in_use from credential_key order by (retired_at is null) desc, id desc"),
                r -> new Stored(r.text("private_jwk"), r.flag("in_use")));
        String current;
        if (stored.isEmpty() || !stored.getFirst().current()) {
            RsaCredentialKeys made = RsaCredentialKeys.generate(jwksUrl);
            current = made.signingKey().toJSONString();
            em.createNativeQuery("insert into credential_key (kid, private_jwk, created_at) values (?1, ?2, ?3)")
                    .setParameter(1, made.signingKey().getKeyID())
                    .setParameter(2, current)
                    .setParameter(3, Timestamp.from(clock.instant()))
                    .executeUpdate();
        } else {
            current = stored.getFirst().jwk();
        }
        List<JWK> retired = new ArrayList<>();
        for (Stored key : stored) {
            if (!key.current()) {
                try {
                    retired.add(JWK.parse(key.jwk()).toPublicJWK());
                } catch (ParseException e) {
                    // Never the value: it holds a private key.
                    throw new IllegalStateException("A retired credential key in the database is not a JWK");
                }
            }
        }
        return RsaCredentialKeys.fromConfig(current, retired.isEmpty() ? null : new JWKSet(retired).toString(true));
    }
}
