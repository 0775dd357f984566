package org.hamkke.academy.certificate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the verification of a credential found: the signed claims, or why it was refused. */
public sealed interface Verification {

    /** Why a credential is not accepted, most basic first. */
    enum Reason {
        /** Not a compact JWS, or its payload not JSON. */
        MALFORMED,
        /** Signed with another algorithm than RS256 (or not at all), or with headers the format does not allow. */
        UNSUPPORTED_SIGNATURE,
        /** Signed with a key the issuer never published. */
        UNKNOWN_KEY,
        /** The signature does not match the content: something was edited, or another key signed. */
        BAD_SIGNATURE,
        /** Not an OpenBadgeCredential of the VC 2.0 model. */
        NOT_AN_OPEN_BADGE,
        /** Issued by someone else than the issuer this verifier trusts. */
        WRONG_ISSUER,
        /** The JWT's claims contradict the credential they carry (iss, jti, sub, nbf, exp). */
        CLAIMS_MISMATCH,
        /** Its validFrom lies in the future. */
        NOT_YET_VALID,
        /** Its validUntil has passed. */
        EXPIRED,
        /** The issuer revoked it: its bit in the status list is set. */
        REVOKED,
        /** Its status list could not be found, or is not a valid, current list of the same issuer. */
        STATUS_UNAVAILABLE
    }

    /**
     * A credential whose signature, issuer, dates and status all hold.
     *
     * @param credential the signed payload as JSON (maps and lists): what the verification page shows
     */
    record Verified(Map<String, Object> credential) implements Verification {

        public String id() {
            return (String) credential.get("id");
        }

        public String holderName() {
            @SuppressWarnings("unchecked")
            var identifiers = (List<Map<String, Object>>) subject().get("identifier");
            return identifiers.stream()
                    .filter(i -> "name".equals(i.get("identityType")))
                    .map(i -> (String) i.get("identityHash"))
                    .findFirst()
                    .orElse(null);
        }

        public String courseTitle() {
            @SuppressWarnings("unchecked")
            var achievement = (Map<String, Object>) subject().get("achievement");
            return (String) achievement.get("name");
        }

        public String issuerName() {
            @SuppressWarnings("unchecked")
            var issuer = (Map<String, Object>) credential.get("issuer");
            return (String) issuer.get("name");
        }

        public Instant validFrom() {
            return Instant.parse((String) credential.get("validFrom"));
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> subject() {
            return (Map<String, Object>) credential.get("credentialSubject");
        }
    }

    /**
     * A credential that is not to be trusted.
     *
     * @param detail for the log and for staff, in English; pages show the reason in the reader's language
     */
    record Rejected(Reason reason, String detail) implements Verification {}
}
