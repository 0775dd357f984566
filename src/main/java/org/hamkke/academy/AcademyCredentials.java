package org.hamkke.academy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamkke.academy.certificate.BitstringStatusList;
import org.hamkke.academy.certificate.CertificateContent;
import org.hamkke.academy.certificate.CredentialKeys;
import org.hamkke.academy.certificate.CredentialVerifier;
import org.hamkke.academy.certificate.IssuerProfile;
import org.hamkke.academy.certificate.OpenBadgeCredentials;
import org.hamkke.academy.certificate.RsaCredentialKeys;
import org.hamkke.academy.certificate.StatusListEntry;
import org.hamkke.academy.certificate.StatusListResolver;
import org.hamkke.shared.db.SchemaReady;

/**
 * The academy as an issuer of Open Badges credentials: its addresses, its profile, its signing key
 * and what is signed with it (certificates, status lists), and a verifier that trusts exactly it.
 *
 * <p><b>The key</b> is the same on every instance: from the configuration when
 * {@code hamkke.academy.credentials.signing-jwk} is set (a private RSA JWK, e.g. from a secret
 * store through the environment variable {@code HAMKKE_ACADEMY_CREDENTIALS_SIGNING_JWK}, with
 * earlier public keys in {@code ...retired-jwks}), otherwise from the database
 * ({@link CredentialKeyStore}), made once by the first instance. It is read once per instance, at
 * start (so no public GET ever writes it), or when first needed if the database was away then.
 */
@ApplicationScoped
class AcademyCredentials {

    private static final Logger LOG = Logger.getLogger(AcademyCredentials.class.getName());

    @Inject
    @ConfigProperty(name = "hamkke.portal.base-url", defaultValue = "http://localhost:8080")
    String baseUrl;

    @Inject
    @ConfigProperty(name = "hamkke.academy.credentials.issuer-name", defaultValue = "Hamkke entrepreneur academy")
    String issuerName;

    @Inject
    @ConfigProperty(name = "hamkke.academy.credentials.signing-jwk")
    Optional<String> signingJwk;

    @Inject
    @ConfigProperty(name = "hamkke.academy.credentials.retired-jwks")
    Optional<String> retiredJwks;

    /** How long a status list stays valid: a verifier holding a copy must fetch it again after this. */
    @Inject
    @ConfigProperty(name = "hamkke.academy.credentials.status-list-validity", defaultValue = "P1D")
    Duration statusListValidity;

    @Inject
    CredentialKeyStore store;

    @Inject
    Clock clock;

    private volatile CredentialKeys keys;

    void onSchemaReady(@Observes SchemaReady ready) {
        try {
            keys();
        } catch (RuntimeException e) {
            // The message only: a key's parse error never quotes it, and the next use tries again.
            LOG.warning(() -> "The credential signing key is not available yet (" + e.getMessage() + "); it is tried again when needed");
        }
    }

    CredentialAddresses addresses() {
        return new CredentialAddresses(baseUrl);
    }

    IssuerProfile issuer() {
        CredentialAddresses at = addresses();
        return new IssuerProfile(at.issuer(), issuerName, at.home());
    }

    CredentialKeys keys() {
        CredentialKeys loaded = keys;
        if (loaded == null) {
            synchronized (this) {
                loaded = keys;
                if (loaded == null) {
                    loaded = signingJwk.filter(jwk -> !jwk.isBlank())
                            .map(jwk -> RsaCredentialKeys.fromConfig(jwk, retiredJwks.orElse(null)))
                            .orElseGet(() -> store.loadOrCreate(addresses().jwks()));
                    keys = loaded;
                    String kid = loaded.signingKey().getKeyID();
                    LOG.info(() -> "Academy credentials are signed with key " + kid);
                }
            }
        }
        return loaded;
    }

    OpenBadgeCredentials signer() {
        return new OpenBadgeCredentials(issuer(), keys(), clock);
    }

    /** The certificate's credential, valid from its issue, in revocation list {@code list} at bit {@code index}. */
    String sign(CertificateContent content, int list, int index, Instant issuedAt) {
        return signer().issue(content, new StatusListEntry(addresses().statusList(list), index), issuedAt, null);
    }

    /**
     * Status list {@code list} with these bits set, signed. Valid from the start of the current
     * minute, so every instance signing the same bits within a minute gives the same bytes (RS256
     * is deterministic): one ETag for caches.
     */
    String statusList(int list, Collection<Integer> revoked) {
        BitstringStatusList bits = new BitstringStatusList();
        revoked.forEach(index -> bits.set(index, true));
        Instant from = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        return signer().issueStatusList(addresses().statusList(list), bits, from, from.plus(statusListValidity));
    }

    CredentialVerifier verifier(StatusListResolver statusLists) {
        return new CredentialVerifier(addresses().issuer(), keys().publicKeys(), statusLists, clock);
    }
}
