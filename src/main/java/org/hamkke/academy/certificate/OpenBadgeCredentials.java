package org.hamkke.academy.certificate;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The certificate as an Open Badges 3.0 {@code OpenBadgeCredential} (Verifiable Credentials Data
 * Model 2.0), signed as a VC-JWT, and the revocation status list as a signed
 * {@code BitstringStatusListCredential}.
 *
 * <p>The JWT follows Open Badges 3.0, section 8.2 (JSON Web Token Proof Format): the header holds
 * only {@code alg} (RS256), {@code kid} (a URI that dereferences to the public JWK) and
 * {@code typ} ("JWT"); the payload is the credential itself with the registered claims
 * {@code iss} = {@code issuer.id}, {@code jti} = {@code id}, {@code sub} =
 * {@code credentialSubject.id}, {@code nbf} = {@code validFrom} and, when the credential has a
 * {@code validUntil}, {@code exp}. The signature covers every byte of it, so a credential edited
 * anywhere (a name, a date, the course) no longer verifies.
 *
 * <p>Revocation uses the W3C Bitstring Status List: it is what Open Badges 3.0 checks for
 * credentials of the VC 2.0 model ({@code BitstringStatusListEntry}, section "Verification");
 * the older 1EdTech Revocation List belongs to its VC 1.1 drafts and wallets no longer check it.
 */
public class OpenBadgeCredentials {

    static final String VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    static final String OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    private final IssuerProfile issuer;
    private final CredentialKeys keys;
    private final Clock clock;

    public OpenBadgeCredentials(IssuerProfile issuer, CredentialKeys keys, Clock clock) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The certificate's credential, valid from now and without end, signed. */
    public String issue(CertificateContent content, StatusListEntry status) {
        return sign(credential(content, status, clock.instant(), null));
    }

    /**
     * The certificate's credential, signed.
     *
     * @param validFrom when it takes effect: the moment the certificate was issued (keep it, and
     *     signing again gives the same credential)
     * @param validUntil when it lapses, or null for never (the academy's certificates do not)
     */
    public String issue(CertificateContent content, StatusListEntry status, Instant validFrom, Instant validUntil) {
        return sign(credential(content, status, validFrom, validUntil));
    }

    /** The credential as JSON (maps and lists), unsigned: what {@link #sign} puts in the JWT. */
    public Map<String, Object> credential(CertificateContent content, StatusListEntry status, Instant validFrom, Instant validUntil) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(validFrom, "validFrom");
        var texts = new CertificateTexts(content.language());

        var achievement = new LinkedHashMap<String, Object>();
        achievement.put("id", content.courseUrl().toString());
        achievement.put("type", List.of("Achievement"));
        achievement.put("achievementType", "Course");
        achievement.put("name", content.courseTitle());
        achievement.put("description", texts.format("badge.description", content.courseTitle()));
        achievement.put("criteria", Map.of("narrative", texts.format("badge.criteria", content.cohortName())));
        achievement.put("inLanguage", content.languageCode());

        var subject = new LinkedHashMap<String, Object>();
        subject.put("id", content.subjectId().toString());
        subject.put("type", List.of("AchievementSubject"));
        // The holder as printed on the certificate, so that a verifier can compare the two; in
        // plain text, since the verification page shows it anyway.
        var name = new LinkedHashMap<String, Object>();
        name.put("type", "IdentityObject");
        name.put("identityHash", content.holderName());
        name.put("identityType", "name");
        name.put("hashed", false);
        subject.put("identifier", List.of(name));
        subject.put("activityStartDate", dateTime(content.start()));
        subject.put("activityEndDate", dateTime(content.end()));
        subject.put("achievement", achievement);
        subject.put("result", List.of(Map.of("type", List.of("Result"), "status", "Completed")));

        var credential = new LinkedHashMap<String, Object>();
        credential.put("@context", List.of(VC_CONTEXT, OB_CONTEXT));
        credential.put("id", content.credentialId().toString());
        credential.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        credential.put("issuer", issuer.toJson());
        credential.put("validFrom", seconds(validFrom).toString());
        if (validUntil != null) {
            credential.put("validUntil", seconds(validUntil).toString());
        }
        credential.put("name", texts.text("title") + ": " + content.courseTitle());
        credential.put("credentialSubject", subject);
        credential.put("credentialStatus", status.toJson());
        return credential;
    }

    /**
     * The status list as a {@code BitstringStatusListCredential}, signed like a credential.
     *
     * @param listUrl where the list is published (each {@link StatusListEntry} points there)
     * @param validUntil when a verifier should fetch it again at the latest (a stale copy cannot
     *     then hide a revocation for ever), or null
     */
    public String issueStatusList(URI listUrl, BitstringStatusList list, Instant validFrom, Instant validUntil) {
        return sign(statusListCredential(listUrl, list, validFrom, validUntil));
    }

    public Map<String, Object> statusListCredential(URI listUrl, BitstringStatusList list, Instant validFrom, Instant validUntil) {
        var subject = new LinkedHashMap<String, Object>();
        subject.put("id", listUrl + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", StatusListEntry.PURPOSE);
        subject.put("encodedList", list.encode());

        var credential = new LinkedHashMap<String, Object>();
        credential.put("@context", List.of(VC_CONTEXT));
        credential.put("id", listUrl.toString());
        credential.put("type", List.of("VerifiableCredential", "BitstringStatusListCredential"));
        credential.put("issuer", issuer.toJson());
        credential.put("validFrom", seconds(validFrom).toString());
        if (validUntil != null) {
            credential.put("validUntil", seconds(validUntil).toString());
        }
        credential.put("credentialSubject", subject);
        return credential;
    }

    /** Signs a credential as a VC-JWT (compact JWS), its registered claims taken from it. */
    public String sign(Map<String, Object> credential) {
        var claims = new JWTClaimsSet.Builder();
        credential.forEach(claims::claim);
        @SuppressWarnings("unchecked")
        Map<String, Object> subject = (Map<String, Object>) credential.get("credentialSubject");
        claims.issuer(issuer.id().toString())
                .jwtID((String) credential.get("id"))
                .subject((String) subject.get("id"))
                .notBeforeTime(Date.from(Instant.parse((String) credential.get("validFrom"))));
        if (credential.get("validUntil") instanceof String until) {
            claims.expirationTime(Date.from(Instant.parse(until)));
        }
        var header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(keys.signingKey().getKeyID())
                .type(JOSEObjectType.JWT)
                .build();
        var jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(new RSASSASigner(keys.signingKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign the credential " + credential.get("id"), e);
        }
        return jwt.serialize();
    }

    public IssuerProfile issuer() {
        return issuer;
    }

    /**
     * The issuer's {@code Profile} as a document of its own, with its contexts: what the issuer's
     * id dereferences to, so a verifier or a wallet can show who issued a credential.
     */
    public Map<String, Object> issuerDocument() {
        var document = new LinkedHashMap<String, Object>();
        document.put("@context", List.of(VC_CONTEXT, OB_CONTEXT));
        document.putAll(issuer.toJson());
        return document;
    }

    /** A JWT date has whole seconds: the credential's dates are cut to match, so nbf equals validFrom. */
    private static Instant seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    /** A day of the cohort as the DateTime the data model asks for: its start, in UTC. */
    private static String dateTime(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    }
}
