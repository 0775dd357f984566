package org.hamkke.academy.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RsaCredentialKeysTest {

    static final URI JWKS = URI.create("https://portal.hamkke.example/api/v1/academy/keys");

    @Test
    void generatedKeyIsNamedByAUriWithItsThumbprint() throws Exception {
        var keys = RsaCredentialKeys.generate(JWKS);
        RSAKey key = keys.signingKey();
        assertEquals(JWKS + "#" + key.computeThumbprint(), key.getKeyID());
        assertEquals(2048, key.size());
        assertTrue(key.isPrivate());
        assertEquals(1, keys.publicKeys().getKeys().size());
        assertFalse(keys.publicKeys().getKeys().get(0).isPrivate());
        assertFalse(keys.toString().contains(key.getPrivateExponent().toString()));
    }

    /** A key read back from its configuration value keeps verifying what it signed, old keys too. */
    @Test
    void configuredKeysVerifyCredentialsOfTheRetiredKey() {
        var old = RsaCredentialKeys.generate(JWKS);
        var current = RsaCredentialKeys.generate(JWKS);
        var configured = RsaCredentialKeys.fromConfig(current.signingKey().toJSONString(), old.publicKeys().toString());
        assertEquals(current.signingKey().getKeyID(), configured.signingKey().getKeyID());
        assertEquals(2, configured.publicKeys().getKeys().size());

        var issuer = OpenBadgeCredentialsTest.ISSUER;
        var list = URI.create("https://portal.hamkke.example/status/1");
        Instant now = Instant.parse("2026-05-01T00:00:00Z");
        String signedLongAgo = new OpenBadgeCredentials(issuer, old, Clock.fixed(now, ZoneOffset.UTC))
                .issue(CertificateSamples.en(), new StatusListEntry(list, 1));
        String statusList = new OpenBadgeCredentials(issuer, configured, Clock.fixed(now, ZoneOffset.UTC))
                .issueStatusList(list, new BitstringStatusList(), now, null);
        var verifier = new CredentialVerifier(issuer.id(), configured.publicKeys(), url -> Optional.of(statusList),
                Clock.fixed(now, ZoneOffset.UTC));
        assertInstanceOf(Verification.Verified.class, verifier.verify(signedLongAgo));
    }

    @Test
    void refusesKeysThatCannotSignOrNameThemselves() throws Exception {
        var keys = RsaCredentialKeys.generate(JWKS);
        assertThrows(IllegalArgumentException.class, () -> RsaCredentialKeys.fromConfig("{not json", null));
        assertThrows(IllegalArgumentException.class, () -> RsaCredentialKeys.fromConfig(keys.signingKey().toPublicJWK().toJSONString(), ""));
        RSAKey plainKid = new RSAKey.Builder(keys.signingKey()).keyID("key-1").build();
        assertThrows(IllegalArgumentException.class, () -> RsaCredentialKeys.fromConfig(plainKid.toJSONString(), null));
        RSAKey noKid = new RSAKey.Builder(keys.signingKey()).keyID(null).build();
        assertThrows(IllegalArgumentException.class, () -> RsaCredentialKeys.fromConfig(noKid.toJSONString(), null));
        RSAKey small = new RSAKeyGenerator(1024, true).keyID(JWKS + "#small").generate();
        assertThrows(IllegalArgumentException.class, () -> RsaCredentialKeys.fromConfig(small.toJSONString(), null));
        assertThrows(IllegalArgumentException.class, () -> RsaCredentialKeys.fromConfig(keys.signingKey().toJSONString(), "[]"));
        // The error never quotes the value: a private key must not reach a log.
        var error = assertThrows(IllegalArgumentException.class,
                () -> RsaCredentialKeys.fromConfig(keys.signingKey().toJSONString().replace("\"kty\":\"RSA\"", "\"kty\":\"XX\""), null));
        assertFalse(error.getMessage().contains(keys.signingKey().getPrivateExponent().toString()));
        assertTrue(JWKSet.parse(keys.publicKeys().toString()).getKeys().size() == 1);
    }
}
