package org.hamkke.academy;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.text.ParseException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.hamkke.academy.certificate.Verification;
import org.hamkke.academy.certificate.Verification.Reason;
import org.hamkke.academy.certificate.Verification.Rejected;
import org.hamkke.academy.certificate.Verification.Verified;
import org.hamkke.identity.Allowed;
import org.hamkke.shared.db.Rows;

/**
 * The academy's credentials as anyone may see them, signed in or not: a certificate found by its
 * code (the holder gave it out with the certificate), a credential checked, and what a verifier
 * elsewhere needs: the issuer's profile, its public keys and the revocation lists. Nothing here
 * writes; every answer is read from the database as it is now, so a revocation shows at once.
 */
@Allowed(anyone = true)
@ApplicationScoped
@Transactional
public class Credentials {

    /** The longest text the verification page checks: an academy credential is about 3 KB. */
    public static final int MAX_CREDENTIAL = 16 * 1024;

    @Inject
    EntityManager em;

    @Inject
    AcademyCredentials credentials;

    /** A certificate as the public verification page shows it, with its signed credential. */
    public record Record(String code, String holderName, String courseTitle, String cohortName, LocalDate startsOn, LocalDate endsOn,
            Instant issuedAt, String language, String timeZone, Instant revokedAt, String revokedReason, String credential) {

        public boolean revoked() {
            return revokedAt != null;
        }
    }

    /**
     * What checking a credential found.
     *
     * @param result the verifier's answer
     * @param claims the signed payload when its signature held (a verified credential, or a revoked
     *     one: the verifier checks the revocation after the signature), else null
     * @param revokedAt when the academy revoked it, for a revoked one
     * @param revokedReason why, for a revoked one
     */
    public record Check(Verification result, Map<String, Object> claims, Instant revokedAt, String revokedReason) {

        public boolean valid() {
            return result instanceof Verified;
        }

        /** Why it is refused, or null when it is valid. */
        public Reason reason() {
            return result instanceof Rejected rejected ? rejected.reason() : null;
        }
    }

    /** The certificate with this code (as {@link CertificateCode#parse} writes it). */
    public Optional<Record> byCode(String code) {
        return Rows.first(em.createNativeQuery("""
                                select x.code, x.holder_name, x.course_title, x.cohort_name, x.starts_on, x.ends_on, x.issued_at, x.language,
                                       h.time_zone, x.revoked_at, x.revoked_reason, x.credential
                                from certificate x join cohort h on h.id = x.cohort_id where x.code = ?1""")
                        .setParameter(1, code),
                r -> new Record(r.text("code"), r.text("holder_name"), r.text("course_title"), r.text("cohort_name"), r.date("starts_on"),
                        r.date("ends_on"), r.instant("issued_at"), r.text("language"), r.text("time_zone"), r.instant("revoked_at"),
                        r.text("revoked_reason"), r.text("credential")));
    }

    /**
     * Checks a credential as any verifier would ({@code CredentialVerifier}): signature by one of
     * the academy's keys, shape, issuer, claims, dates, and its bit in the academy's status list,
     * read from the database now.
     */
    public Check check(String compactJws) {
        String jws = compactJws == null ? "" : compactJws.strip();
        Verification result = credentials.verifier(this::statusListAt).verify(jws);
        if (result instanceof Verified verified) {
            return new Check(result, verified.credential(), null, null);
        }
        if (result instanceof Rejected rejected && rejected.reason() == Reason.REVOKED) {
            Map<String, Object> claims;
            try {
                claims = SignedJWT.parse(jws).getJWTClaimsSet().toJSONObject();
            } catch (ParseException e) {
                throw new IllegalStateException("A credential verified up to its status is a JWT", e);
            }
            var revocation = Rows.first(em.createNativeQuery("select revoked_at, revoked_reason from certificate where credential_id = ?1")
                            .setParameter(1, String.valueOf(claims.get("id"))),
                    r -> Map.entry(r.instant("revoked_at"), r.text("revoked_reason")));
            return new Check(result, claims, revocation.map(Map.Entry::getKey).orElse(null), revocation.map(Map.Entry::getValue).orElse(null));
        }
        return new Check(result, null, null, null);
    }

    /**
     * Revocation list {@code list}, signed, as published: list 1 always (empty at first), a later
     * one once a certificate has a bit in it.
     */
    public Optional<String> statusList(int list) {
        if (list < 1) {
            return Optional.empty();
        }
        if (list > 1 && em.createNativeQuery("select 1 from certificate where status_list = ?1 limit 1").setParameter(1, list)
                .getResultList().isEmpty()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object> revoked = em.createNativeQuery("select status_index from certificate where status_list = ?1 and revoked_at is not null")
                .setParameter(1, list)
                .getResultList();
        return Optional.of(credentials.statusList(list, revoked.stream().map(i -> ((Number) i).intValue()).toList()));
    }

    /** The public keys credentials are signed with, the current one first (a JWK Set, JSON). */
    public String jwks() {
        return credentials.keys().publicKeys().toString(true);
    }

    /** The issuer's Open Badges profile (JSON): what the issuer's id, {@code /credentials/issuer}, answers. */
    public String issuerProfile() {
        return JSONObjectUtils.toJSONString(credentials.signer().issuerDocument());
    }

    /** Our own lists are read here, not fetched over HTTP; any other address names no list we trust. */
    private Optional<String> statusListAt(URI address) {
        OptionalInt list = credentials.addresses().statusListNumber(address);
        return list.isPresent() ? statusList(list.getAsInt()) : Optional.empty();
    }
}
