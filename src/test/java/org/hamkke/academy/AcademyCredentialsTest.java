package org.hamkke.academy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.RSAKey;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.hamkke.academy.certificate.CertificateContent;
import org.hamkke.academy.certificate.CredentialVerifier;
import org.hamkke.academy.certificate.RsaCredentialKeys;
import org.hamkke.academy.certificate.Verification;
import org.hamkke.academy.certificate.Verification.Reason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The academy as an issuer, wired as the portal wires it: a certificate signed with its status
 * entry in list 1, the status list built from the revoked bits, and the verifier trusting exactly
 * the portal's issuer, its keys and its own lists. Revoking a certificate's bit revokes it and no
 * other; an edited credential, another issuer's key and a list at someone else's address fail.
 */
class AcademyCredentialsTest {

    private static final String BASE = "https://portal.hamkke.example";
    private static final Instant ISSUED = Instant.parse("2027-06-01T10:15:30Z");

    private AcademyCredentials credentials;
    private Set<Integer> revoked;

    static AcademyCredentials issuer(String base, Clock clock) {
        var credentials = new AcademyCredentials();
        credentials.baseUrl = base;
        credentials.issuerName = "Hamkke entrepreneur academy";
        credentials.signingJwk = Optional.of(RsaCredentialKeys.generate(URI.create(base + "/credentials/jwks.json")).signingKey().toJSONString());
        credentials.retiredJwks = Optional.empty();
        credentials.statusListValidity = Duration.ofDays(1);
        credentials.clock = clock;
        return credentials;
    }

    @BeforeEach
    void issuer() {
        credentials = issuer(BASE, Clock.fixed(ISSUED.plus(Duration.ofDays(3)), ZoneOffset.UTC));
        revoked = new java.util.HashSet<>();
    }

    private CertificateContent content(String code) {
        var at = credentials.addresses();
        return new CertificateContent("Grace Wanjiru", "Selling online from a phone", "Nairobi, June 2027", LocalDate.of(2027, 5, 3),
                LocalDate.of(2027, 5, 28), LocalDate.of(2027, 6, 1), code, at.verify(code), at.course(12), Locale.ENGLISH);
    }

    private CredentialVerifier verifier() {
        return credentials.verifier(uri -> {
            OptionalInt list = credentials.addresses().statusListNumber(uri);
            return list.isPresent() && list.getAsInt() == 1 ? Optional.of(credentials.statusList(1, List.copyOf(revoked))) : Optional.empty();
        });
    }

    @Test
    void aSignedCertificateVerifiesUntilItsBitIsSet() {
        String first = credentials.sign(content("HK-AAAA-BBBB-CCCC-DDDD"), 1, 4711, ISSUED);
        String second = credentials.sign(content("HK-AAAA-BBBB-CCCC-EEEE"), 1, 4712, ISSUED);
        Verification verified = verifier().verify(first);
        var ok = assertInstanceOf(Verification.Verified.class, verified, verified.toString());
        assertEquals("Grace Wanjiru", ok.holderName());
        assertEquals(BASE + "/credentials/issuer", ((java.util.Map<?, ?>) ok.credential().get("issuer")).get("id"));
        assertEquals(BASE + "/credentials/status/1#4711", ((java.util.Map<?, ?>) ok.credential().get("credentialStatus")).get("id"));

        revoked.add(4711);
        assertEquals(Reason.REVOKED, ((Verification.Rejected) verifier().verify(first)).reason());
        assertInstanceOf(Verification.Verified.class, verifier().verify(second), "its neighbour's bit is its own");
    }

    @Test
    void theKeyIdPointsToThePublishedKeysAndNoPrivatePartIsPublished() {
        RSAKey key = credentials.keys().signingKey();
        assertTrue(key.getKeyID().startsWith(BASE + "/credentials/jwks.json#"), key.getKeyID());
        String published = credentials.keys().publicKeys().toString(true);
        assertTrue(published.contains(key.getKeyID()));
        assertFalse(published.contains("\"d\""), "no private exponent in the JWK Set");
        assertEquals(credentials.keys(), credentials.keys(), "read once");
    }

    @Test
    void anEditedCredentialFailsOnItsSignature() {
        String jwt = credentials.sign(content("HK-AAAA-BBBB-CCCC-DDDD"), 1, 10, ISSUED);
        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8);
        String edited = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("Grace Wanjiru", "Grace Wanjiku").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(Reason.BAD_SIGNATURE, ((Verification.Rejected) verifier().verify(parts[0] + "." + edited + "." + parts[2])).reason());
        assertEquals(Reason.MALFORMED, ((Verification.Rejected) verifier().verify(payload)).reason(), "the JSON alone is not signed");
    }

    @Test
    void anotherPortalsKeyAndListsAreNotTrusted() {
        AcademyCredentials elsewhere = issuer("https://other.example", Clock.fixed(ISSUED.plus(Duration.ofDays(3)), ZoneOffset.UTC));
        String foreign = elsewhere.sign(content("HK-AAAA-BBBB-CCCC-DDDD"), 1, 10, ISSUED);
        assertEquals(Reason.UNKNOWN_KEY, ((Verification.Rejected) verifier().verify(foreign)).reason());
        assertEquals(OptionalInt.empty(), credentials.addresses().statusListNumber(URI.create("https://other.example/credentials/status/1")));
    }

    @Test
    void theStatusListIsTheSameBytesWithinAMinuteAndValidForADay() {
        String a = credentials.statusList(1, List.of(3, 5));
        String b = credentials.statusList(1, List.of(5, 3));
        assertEquals(a, b, "RS256 is deterministic: one ETag for the same bits within a minute");
        String payload = new String(Base64.getUrlDecoder().decode(a.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(payload.contains("\"validFrom\":\"2027-06-04T10:15:00Z\""), payload);
        assertTrue(payload.contains("\"validUntil\":\"2027-06-05T10:15:00Z\""), payload);
    }

    /** What issuing adds to a completion: one signature (the figure is printed for BENCHMARKS.md). */
    @Test
    void signingACertificateTakesMilliseconds() {
        for (int i = 0; i < 20; i++) {
            credentials.sign(content("HK-AAAA-BBBB-CCCC-DDDD"), 1, i, ISSUED);
        }
        int rounds = 100;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            credentials.sign(content("HK-AAAA-BBBB-CCCC-DDDD"), 1, i, ISSUED);
        }
        double mean = (System.nanoTime() - start) / 1e6 / rounds;
        String list = credentials.statusList(1, List.of(1, 2, 3));
        System.out.printf("Credential signing: mean %.2f ms over %d (RS256, 2048 bits); status list credential %d bytes%n", mean, rounds,
                list.length());
        assertTrue(mean < 100, "signing took " + mean + " ms");
    }

    @Test
    void addresses() {
        var at = new CredentialAddresses(BASE + "/");
        assertEquals(URI.create(BASE + "/verify.xhtml?code=HK-AAAA-BBBB-CCCC-DDDD"), at.verify("HK-AAAA-BBBB-CCCC-DDDD"));
        assertEquals(OptionalInt.of(12), at.statusListNumber(URI.create(BASE + "/credentials/status/12")));
        for (String odd : List.of("/credentials/status/", "/credentials/status/01", "/credentials/status/-1", "/credentials/status/1x",
                "/credentials/status/1234567", "/credentials/statuses/1")) {
            assertEquals(OptionalInt.empty(), at.statusListNumber(URI.create(BASE + odd)), odd);
        }
    }
}
