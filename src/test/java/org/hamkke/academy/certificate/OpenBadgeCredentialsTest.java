package org.hamkke.academy.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hamkke.academy.certificate.Verification.Reason;
import org.hamkke.academy.certificate.Verification.Rejected;
import org.hamkke.academy.certificate.Verification.Verified;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The credential signed and verified with real keys (nimbus-jose-jwt), and each way of breaking
 * it refused with its reason.
 */
class OpenBadgeCredentialsTest {

    static final URI JWKS = URI.create("https://portal.hamkke.example/api/v1/academy/keys");
    static final URI LIST = URI.create("https://portal.hamkke.example/api/v1/academy/status/1");
    static final IssuerProfile ISSUER = new IssuerProfile(URI.create("https://portal.hamkke.example"),
            "Hamkke entrepreneur academy", URI.create("https://portal.hamkke.example/academy"));
    static final Instant ISSUED = Instant.parse("2026-04-30T09:15:42.123Z");
    static final Instant NOW = Instant.parse("2026-05-04T12:00:00Z");
    static final StatusListEntry ENTRY = new StatusListEntry(LIST, 4242);

    static RsaCredentialKeys keys;

    OpenBadgeCredentials issuer;
    BitstringStatusList revocations;
    Map<URI, String> published;

    @BeforeAll
    static void key() {
        keys = RsaCredentialKeys.generate(JWKS);
    }

    @BeforeEach
    void issuer() {
        issuer = new OpenBadgeCredentials(ISSUER, keys, Clock.fixed(ISSUED, ZoneOffset.UTC));
        revocations = new BitstringStatusList();
        published = new HashMap<>();
        publishList();
    }

    void publishList() {
        published.put(LIST, issuer.issueStatusList(LIST, revocations, ISSUED, null));
    }

    CredentialVerifier verifier(Instant now) {
        return new CredentialVerifier(ISSUER.id(), keys.publicKeys(), url -> Optional.ofNullable(published.get(url)),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    String issueUrdu() {
        return issuer.issue(CertificateSamples.ur(), ENTRY, ISSUED, null);
    }

    @Test
    void signsAndVerifiesReturningTheSignedCredential() {
        var content = CertificateSamples.ur();
        var verified = assertInstanceOf(Verified.class, verifier(NOW).verify(issueUrdu()));
        assertEquals(content.credentialId().toString(), verified.id());
        assertEquals("عائشہ صدیقی", verified.holderName());
        assertEquals("سماجی اور یکجہتی معیشت کی بنیادیں", verified.courseTitle());
        assertEquals("Hamkke entrepreneur academy", verified.issuerName());
        assertEquals(Instant.parse("2026-04-30T09:15:42Z"), verified.validFrom());
        // Everything the verifier returns is what was signed: the credential and the JWT claims.
        Map<String, Object> expected = issuer.credential(content, ENTRY, ISSUED, null);
        for (var entry : expected.entrySet()) {
            assertEquals(json(entry.getValue()), json(verified.credential().get(entry.getKey())), entry.getKey());
        }
        assertEquals(Set.of("iss", "jti", "sub", "nbf"), minus(verified.credential().keySet(), expected.keySet()));
    }

    /** Open Badges 3.0, 8.2: header alg RS256, kid a URI, typ JWT and nothing else; the registered claims. */
    @Test
    void theJwtIsShapedAsOpenBadgesSection8Point2Asks() throws Exception {
        SignedJWT jwt = SignedJWT.parse(issueUrdu());
        JWSHeader header = jwt.getHeader();
        assertEquals(JWSAlgorithm.RS256, header.getAlgorithm());
        assertEquals(JOSEObjectType.JWT, header.getType());
        assertEquals(Set.of("alg", "kid", "typ"), header.getIncludedParams());
        assertTrue(header.getKeyID().startsWith(JWKS + "#"), header.getKeyID());
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        Map<String, Object> credential = claims.getClaims();
        assertEquals(ISSUER.id().toString(), claims.getIssuer());
        assertEquals(credential.get("id"), claims.getJWTID());
        assertEquals(((Map<?, ?>) credential.get("credentialSubject")).get("id"), claims.getSubject());
        assertEquals(Instant.parse((String) credential.get("validFrom")), claims.getNotBeforeTime().toInstant());
        assertEquals(null, claims.getExpirationTime());
        assertEquals(List.of("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
                credential.get("@context"));
        assertEquals(List.of("VerifiableCredential", "OpenBadgeCredential"), credential.get("type"));
        var subject = (Map<?, ?>) credential.get("credentialSubject");
        assertEquals(List.of("AchievementSubject"), subject.get("type"));
        var achievement = (Map<?, ?>) subject.get("achievement");
        for (String required : List.of("id", "type", "name", "description", "criteria")) {
            assertTrue(achievement.containsKey(required), "achievement." + required);
        }
        assertEquals("https://portal.hamkke.example/academy/courses/12", achievement.get("id"));
        var status = (Map<?, ?>) credential.get("credentialStatus");
        assertEquals(Map.of("id", LIST + "#4242", "type", "BitstringStatusListEntry", "statusPurpose", "revocation",
                "statusListIndex", "4242", "statusListCredential", LIST.toString()), status);
    }

    @Test
    void reissuingGivesTheSameCredentialId() throws Exception {
        String first = issueUrdu();
        String later = new OpenBadgeCredentials(ISSUER, keys, Clock.fixed(ISSUED.plusSeconds(3600), ZoneOffset.UTC))
                .issue(CertificateSamples.ur(), ENTRY);
        assertEquals(SignedJWT.parse(first).getJWTClaimsSet().getJWTID(), SignedJWT.parse(later).getJWTClaimsSet().getJWTID());
        // With the issuing moment kept, signing again gives the very same payload.
        assertEquals(SignedJWT.parse(first).getPayload().toString(), SignedJWT.parse(issueUrdu()).getPayload().toString());
    }

    @Test
    void anEditedPayloadFailsItsSignature() throws Exception {
        String[] parts = issueUrdu().split("\\.");
        String payload = new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8);
        String edited = payload.replace("عائشہ صدیقی", "عائشہ خان");
        assertNotEquals(payload, edited);
        var result = verifier(NOW).verify(parts[0] + "." + Base64URL.encode(edited) + "." + parts[2]);
        assertEquals(Reason.BAD_SIGNATURE, assertInstanceOf(Rejected.class, result).reason());
    }

    @Test
    void anEditedCredentialJsonResignedByAnotherKeyFails() throws Exception {
        var forger = RsaCredentialKeys.generate(JWKS);
        // The forger's key, under the kid of the issuer's key: the signature does not match.
        var sameKid = new com.nimbusds.jose.jwk.RSAKey.Builder(forger.signingKey()).keyID(keys.signingKey().getKeyID()).build();
        String forged = resign(issueUrdu(), sameKid, Map.of());
        assertEquals(Reason.BAD_SIGNATURE, rejected(forged));
        // Under its own kid: a key the issuer never published.
        assertEquals(Reason.UNKNOWN_KEY, rejected(new OpenBadgeCredentials(ISSUER, forger, Clock.systemUTC()).issue(CertificateSamples.ur(), ENTRY)));
    }

    @Test
    void otherAlgorithmsAndHeadersAreRefused() throws Exception {
        String[] parts = issueUrdu().split("\\.");
        String none = Base64URL.encode("{\"alg\":\"none\"}") + "." + parts[1] + ".";
        assertEquals(Reason.MALFORMED, rejected(none)); // not a JWS at all for a JWS parser
        // HS256 keyed with the public key's bytes, the classic confusion attack.
        var hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keys.signingKey().getKeyID()).build(),
                SignedJWT.parse(issueUrdu()).getJWTClaimsSet());
        hmac.sign(new MACSigner(keys.signingKey().toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)));
        assertEquals(Reason.UNSUPPORTED_SIGNATURE, rejected(hmac.serialize()));
        // Open Badges allows no JOSE header beyond alg, kid and typ.
        assertEquals(Reason.UNSUPPORTED_SIGNATURE, rejected(resign(issueUrdu(), keys.signingKey(), Map.of("note", "x"))));
        // A key carried in the token itself is not the issuer's word, even next to a known kid.
        var embedded = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keys.signingKey().getKeyID())
                .jwk(keys.signingKey().toPublicJWK()).build(), SignedJWT.parse(issueUrdu()).getJWTClaimsSet());
        embedded.sign(new RSASSASigner(keys.signingKey()));
        assertEquals(Reason.UNSUPPORTED_SIGNATURE, rejected(embedded.serialize()));
        assertEquals(Reason.MALFORMED, rejected("not a credential"));
    }

    @Test
    void anExpiredCredentialIsRefused() {
        Instant until = Instant.parse("2026-05-01T00:00:00Z");
        String jwt = issuer.issue(CertificateSamples.en(), ENTRY, ISSUED, until);
        assertInstanceOf(Verified.class, verifier(until.minusSeconds(5)).verify(jwt));
        assertEquals(Reason.EXPIRED, assertInstanceOf(Rejected.class, verifier(NOW).verify(jwt)).reason());
    }

    @Test
    void aCredentialIsNotValidBeforeItsValidFrom() {
        assertEquals(Reason.NOT_YET_VALID,
                assertInstanceOf(Rejected.class, verifier(ISSUED.minus(Duration.ofHours(1))).verify(issueUrdu())).reason());
        // A portal instance whose clock is a few seconds behind still accepts it.
        assertInstanceOf(Verified.class, verifier(ISSUED.minusSeconds(10)).verify(issueUrdu()));
    }

    @Test
    void aRevokedCredentialIsRefusedAndAnotherBitLeavesItValid() {
        String jwt = issueUrdu();
        revocations.set(4241, true);
        publishList();
        assertInstanceOf(Verified.class, verifier(NOW).verify(jwt));
        revocations.set(4242, true);
        publishList();
        var rejected = assertInstanceOf(Rejected.class, verifier(NOW).verify(jwt));
        assertEquals(Reason.REVOKED, rejected.reason());
        assertTrue(rejected.detail().contains("4242"), rejected.detail());
    }

    @Test
    void aStatusListThatCannotBeTrustedLeavesTheStatusUnknown() {
        String jwt = issueUrdu();
        published.clear();
        assertEquals(Reason.STATUS_UNAVAILABLE, rejected(jwt));
        // A list signed by someone else (an attacker serving an empty list to un-revoke).
        var other = new OpenBadgeCredentials(ISSUER, RsaCredentialKeys.generate(JWKS), Clock.systemUTC());
        published.put(LIST, other.issueStatusList(LIST, new BitstringStatusList(), ISSUED, null));
        assertEquals(Reason.STATUS_UNAVAILABLE, rejected(jwt));
        // A stale list, past its validUntil.
        published.put(LIST, issuer.issueStatusList(LIST, new BitstringStatusList(), ISSUED, ISSUED.plus(Duration.ofDays(1))));
        assertEquals(Reason.STATUS_UNAVAILABLE, rejected(jwt));
        // A credential passed off as the list.
        published.put(LIST, jwt);
        assertEquals(Reason.STATUS_UNAVAILABLE, rejected(jwt));
    }

    @Test
    void anotherIssuersCredentialIsRefused() {
        var elsewhere = new CredentialVerifier(URI.create("https://other.example"), keys.publicKeys(),
                url -> Optional.ofNullable(published.get(url)), Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals(Reason.WRONG_ISSUER, assertInstanceOf(Rejected.class, elsewhere.verify(issueUrdu())).reason());
    }

    @Test
    void claimsThatContradictTheCredentialAreRefused() throws Exception {
        assertEquals(Reason.CLAIMS_MISMATCH, rejected(resignClaims(issueUrdu(), Map.of("jti", "urn:uuid:00000000-0000-0000-0000-000000000000"))));
        assertEquals(Reason.CLAIMS_MISMATCH, rejected(resignClaims(issueUrdu(), Map.of("sub", "urn:uuid:someone-else"))));
        assertEquals(Reason.CLAIMS_MISMATCH, rejected(resignClaims(issueUrdu(), Map.of("nbf", ISSUED.getEpochSecond() - 86_400))));
        assertEquals(Reason.NOT_AN_OPEN_BADGE, rejected(resignClaims(issueUrdu(), Map.of("type", List.of("VerifiableCredential")))));
    }

    @Test
    void theStatusListIsASignedBitstringStatusListCredential() throws Exception {
        revocations.set(3, true);
        SignedJWT list = SignedJWT.parse(issuer.issueStatusList(LIST, revocations, ISSUED, ISSUED.plus(Duration.ofDays(1))));
        Map<String, Object> claims = list.getJWTClaimsSet().getClaims();
        assertEquals(List.of("VerifiableCredential", "BitstringStatusListCredential"), claims.get("type"));
        assertEquals(LIST.toString(), claims.get("id"));
        assertEquals(LIST.toString(), list.getJWTClaimsSet().getJWTID());
        assertEquals(ISSUED.plus(Duration.ofDays(1)).getEpochSecond(), list.getJWTClaimsSet().getExpirationTime().toInstant().getEpochSecond());
        var subject = (Map<?, ?>) claims.get("credentialSubject");
        assertEquals("BitstringStatusList", subject.get("type"));
        assertEquals("revocation", subject.get("statusPurpose"));
        assertTrue(BitstringStatusList.decode((String) subject.get("encodedList")).get(3));
    }

    @Test
    void thePublishedKeySetHasNoPrivatePart() {
        String jwks = keys.publicKeys().toString();
        assertFalse(jwks.contains("\"d\""), jwks);
        assertTrue(jwks.contains(keys.signingKey().getKeyID()), jwks);
    }

    private Reason rejected(String jwt) {
        return assertInstanceOf(Rejected.class, verifier(NOW).verify(jwt)).reason();
    }

    /** The same payload signed again by {@code key}, with extra header parameters. */
    private static String resign(String jwt, com.nimbusds.jose.jwk.RSAKey key, Map<String, Object> headers) throws Exception {
        var builder = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT);
        headers.forEach(builder::customParam);
        var again = new SignedJWT(builder.build(), SignedJWT.parse(jwt).getJWTClaimsSet());
        again.sign(new RSASSASigner(key));
        return again.serialize();
    }

    /** The payload with some claims changed, signed by the issuer's own key: a bug, not a forgery. */
    private static String resignClaims(String jwt, Map<String, Object> changes) throws Exception {
        Map<String, Object> payload = new HashMap<>(JSONObjectUtils.parse(SignedJWT.parse(jwt).getPayload().toString()));
        payload.putAll(changes);
        var again = new SignedJWT(SignedJWT.parse(jwt).getHeader(), JWTClaimsSet.parse(payload));
        again.sign(new RSASSASigner(keys.signingKey()));
        return again.serialize();
    }

    private static String json(Object value) {
        return JSONObjectUtils.toJSONString(Map.of("v", value));
    }

    private static Set<String> minus(Set<String> all, Set<String> some) {
        var rest = new java.util.TreeSet<>(all);
        rest.removeAll(some);
        return rest;
    }
}
