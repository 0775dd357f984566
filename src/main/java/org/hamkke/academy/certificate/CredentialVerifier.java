package org.hamkke.academy.certificate;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hamkke.academy.certificate.Verification.Reason;
import org.hamkke.academy.certificate.Verification.Rejected;
import org.hamkke.academy.certificate.Verification.Verified;

/**
 * Verifies an academy credential (a VC-JWT) as Open Badges 3.0 asks, sections 8.2 and 9:
 * signature (RS256 only, by a key the issuer published), the credential's shape, its issuer (the
 * one this verifier trusts), the JWT claims against the credential they carry, its dates, and its
 * revocation bit in a status list that is itself a signed, current credential of the same issuer.
 * What it returns is the signed payload itself, never a copy of anything outside the signature.
 *
 * <p>Clocks of two portal instances may differ a little: dates are compared with a minute's leeway.
 */
public class CredentialVerifier {

    static final Duration LEEWAY = Duration.ofMinutes(1);
    private static final Set<String> ALLOWED_HEADERS = Set.of("alg", "kid", "typ");

    private final URI trustedIssuer;
    private final JWKSet keys;
    private final StatusListResolver statusLists;
    private final Clock clock;

    /**
     * @param trustedIssuer the issuer's id credentials must carry
     * @param keys the issuer's published public keys (its JWK Set)
     * @param statusLists where the status lists the credentials name are found
     */
    public CredentialVerifier(URI trustedIssuer, JWKSet keys, StatusListResolver statusLists, Clock clock) {
        this.trustedIssuer = Objects.requireNonNull(trustedIssuer, "trustedIssuer");
        this.keys = Objects.requireNonNull(keys, "keys").toPublicJWKSet();
        this.statusLists = Objects.requireNonNull(statusLists, "statusLists");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Verification verify(String compactJws) {
        try {
            Map<String, Object> credential = signedCredential(compactJws);
            if (!types(credential).containsAll(List.of("VerifiableCredential", "OpenBadgeCredential"))
                    && !types(credential).containsAll(List.of("VerifiableCredential", "AchievementCredential"))) {
                throw new Refusal(Reason.NOT_AN_OPEN_BADGE, "type is " + credential.get("type"));
            }
            if (!(credential.get("@context") instanceof List<?> context)
                    || !context.containsAll(List.of(OpenBadgeCredentials.VC_CONTEXT, OpenBadgeCredentials.OB_CONTEXT))) {
                throw new Refusal(Reason.NOT_AN_OPEN_BADGE, "@context is " + credential.get("@context"));
            }
            if (!(credential.get("credentialSubject") instanceof Map<?, ?> subject) || !(subject.get("id") instanceof String)) {
                throw new Refusal(Reason.NOT_AN_OPEN_BADGE, "the credentialSubject has no id");
            }
            checkIssuerAndClaims(credential);
            checkDates(credential, "credential");
            checkStatus(credential);
            return new Verified(credential);
        } catch (Refusal refusal) {
            return new Rejected(refusal.reason, refusal.getMessage());
        }
    }

    /**
     * Parses a compact JWS and checks its header and signature: the payload, as JSON, once it is
     * known to be what the issuer signed.
     */
    private Map<String, Object> signedCredential(String compactJws) throws Refusal {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(compactJws == null ? "" : compactJws.strip());
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new Refusal(Reason.MALFORMED, "not a signed JWT: " + e.getMessage());
        }
        JWSHeader header = jwt.getHeader();
        // Only RS256: never "none", nor a shared-secret algorithm keyed with the public key.
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
            throw new Refusal(Reason.UNSUPPORTED_SIGNATURE, "alg " + header.getAlgorithm() + " is not RS256");
        }
        if (!ALLOWED_HEADERS.containsAll(header.getIncludedParams())) {
            throw new Refusal(Reason.UNSUPPORTED_SIGNATURE, "headers " + header.getIncludedParams() + " beyond alg, kid, typ");
        }
        if (header.getType() != null && !JOSEObjectType.JWT.equals(header.getType())) {
            throw new Refusal(Reason.UNSUPPORTED_SIGNATURE, "typ " + header.getType() + " is not JWT");
        }
        JWK key = header.getKeyID() == null ? null : keys.getKeyByKeyId(header.getKeyID());
        if (!(key instanceof RSAKey rsa)) {
            throw new Refusal(Reason.UNKNOWN_KEY, "kid " + header.getKeyID() + " is not among the issuer's keys");
        }
        try {
            if (!jwt.verify(new RSASSAVerifier(rsa))) {
                throw new Refusal(Reason.BAD_SIGNATURE, "the signature does not match the content");
            }
        } catch (JOSEException e) {
            throw new Refusal(Reason.BAD_SIGNATURE, "the signature cannot be checked: " + e.getMessage());
        }
        return claims.toJSONObject();
    }

    private void checkIssuerAndClaims(Map<String, Object> credential) throws Refusal {
        Object issuer = credential.get("issuer");
        Object issuerId = issuer instanceof Map<?, ?> profile ? profile.get("id") : issuer;
        if (!trustedIssuer.toString().equals(issuerId)) {
            throw new Refusal(Reason.WRONG_ISSUER, "issued by " + issuerId + ", not " + trustedIssuer);
        }
        Map<?, ?> subject = (Map<?, ?>) credential.get("credentialSubject");
        requireClaim(credential, "iss", issuerId);
        requireClaim(credential, "jti", credential.get("id"));
        requireClaim(credential, "sub", subject.get("id"));
        requireDateClaim(credential, "nbf", credential.get("validFrom"), true);
        requireDateClaim(credential, "exp", credential.get("validUntil"), false);
    }

    private static void requireClaim(Map<String, Object> credential, String claim, Object expected) throws Refusal {
        Object value = credential.get(claim);
        if (value == null || !value.equals(expected)) {
            throw new Refusal(Reason.CLAIMS_MISMATCH, claim + " is " + value + ", the credential says " + expected);
        }
    }

    /** A NumericDate claim must equal the credential's date; exp only when validUntil is there, and then always. */
    private static void requireDateClaim(Map<String, Object> credential, String claim, Object date, boolean required) throws Refusal {
        Object seconds = credential.get(claim);
        if (date == null && seconds == null && !required) {
            return;
        }
        Instant expected = date instanceof String text ? parse(text, claim) : null;
        Instant actual = seconds instanceof Date d ? d.toInstant() : seconds instanceof Number n ? Instant.ofEpochSecond(n.longValue()) : null;
        if (expected == null || !expected.equals(actual)) {
            throw new Refusal(Reason.CLAIMS_MISMATCH, claim + " is " + actual + ", the credential says " + date);
        }
    }

    private void checkDates(Map<String, Object> credential, String what) throws Refusal {
        Instant now = clock.instant();
        Instant from = parse((String) credential.get("validFrom"), "validFrom");
        if (now.plus(LEEWAY).isBefore(from)) {
            throw new Refusal(Reason.NOT_YET_VALID, "the " + what + " is valid from " + from);
        }
        if (credential.get("validUntil") instanceof String until && now.minus(LEEWAY).isAfter(parse(until, "validUntil"))) {
            throw new Refusal(Reason.EXPIRED, "the " + what + " expired at " + until);
        }
    }

    private void checkStatus(Map<String, Object> credential) throws Refusal {
        Object status = credential.get("credentialStatus");
        if (status == null) {
            return;
        }
        if (!(status instanceof Map<?, ?> entry) || !StatusListEntry.TYPE.equals(entry.get("type"))
                || !StatusListEntry.PURPOSE.equals(entry.get("statusPurpose"))
                || !(entry.get("statusListCredential") instanceof String listUrl)
                || !(entry.get("statusListIndex") instanceof String indexText)) {
            throw new Refusal(Reason.STATUS_UNAVAILABLE, "credentialStatus is not a revocation BitstringStatusListEntry: " + status);
        }
        int index;
        URI list;
        try {
            index = Integer.parseInt(indexText);
            list = URI.create(listUrl);
        } catch (IllegalArgumentException e) {
            throw new Refusal(Reason.STATUS_UNAVAILABLE, "credentialStatus names no list or index: " + status);
        }
        Optional<String> found = statusLists.find(list);
        if (found.isEmpty()) {
            throw new Refusal(Reason.STATUS_UNAVAILABLE, "status list " + list + " not found");
        }
        Map<String, Object> listCredential;
        try {
            listCredential = signedCredential(found.get());
            if (!types(listCredential).contains("BitstringStatusListCredential") || !listUrl.equals(listCredential.get("id"))) {
                throw new Refusal(Reason.STATUS_UNAVAILABLE, "not the BitstringStatusListCredential " + listUrl);
            }
            checkIssuerAndClaims(listCredential);
            checkDates(listCredential, "status list");
        } catch (Refusal refusal) {
            throw new Refusal(Reason.STATUS_UNAVAILABLE, "status list " + list + ": " + refusal.reason + ", " + refusal.getMessage());
        }
        Map<?, ?> subject = (Map<?, ?>) listCredential.get("credentialSubject");
        if (!StatusListEntry.PURPOSE.equals(subject.get("statusPurpose"))) {
            throw new Refusal(Reason.STATUS_UNAVAILABLE, "status list " + list + " is for " + subject.get("statusPurpose"));
        }
        BitstringStatusList bits;
        try {
            bits = BitstringStatusList.decode((String) subject.get("encodedList"));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new Refusal(Reason.STATUS_UNAVAILABLE, "status list " + list + " cannot be read: " + e.getMessage());
        }
        if (index >= bits.size()) {
            throw new Refusal(Reason.STATUS_UNAVAILABLE, "index " + index + " beyond the list's " + bits.size() + " entries");
        }
        if (bits.get(index)) {
            throw new Refusal(Reason.REVOKED, "revoked: bit " + index + " of " + list + " is set");
        }
    }

    private static List<?> types(Map<String, Object> credential) {
        Object type = credential.get("type");
        return type instanceof List<?> list ? list : type == null ? List.of() : List.of(type);
    }

    private static Instant parse(String date, String what) throws Refusal {
        try {
            return Instant.parse(date);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new Refusal(Reason.NOT_AN_OPEN_BADGE, what + " is not a date-time: " + date);
        }
    }

    /** A reason to refuse, carried out of the nested checks. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final Reason reason;

        Refusal(Reason reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }
    }
}
