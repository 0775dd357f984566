package org.hamkke.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.hamkke.identity.LogoutTokenVerifier.InvalidLogoutTokenException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Back-channel logout tokens signed by a real RSA key made here: a good one is accepted once; each
 * way a token can be wrong (OpenID Connect Back-Channel Logout 1.0, section 2.6) is refused.
 */
class LogoutTokenVerifierTest {

    private static final String ISSUER = "https://login.hamkke.example/realms/hamkke";
    private static final String CLIENT = "hamkke-portal";

    private static RSAKey realmKey;
    private static RSAKey strangerKey;

    private final Map<String, Instant> seen = new HashMap<>();
    private LogoutTokenVerifier verifier;

    @BeforeAll
    static void keys() throws Exception {
        realmKey = new RSAKeyGenerator(2048).keyID("realm-key").generate();
        strangerKey = new RSAKeyGenerator(2048).keyID("realm-key").generate();
    }

    @org.junit.jupiter.api.BeforeEach
    void verifier() {
        verifier = new LogoutTokenVerifier(new ImmutableJWKSet<>(new JWKSet(realmKey.toPublicJWK())), ISSUER, CLIENT);
    }

    /** As Keycloak sends it: typed logout+jwt, for our client, naming the session, expiring in two minutes. */
    private static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(CLIENT)
                .subject("f4c1-subject")
                .claim("sid", "keycloak-session-1")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(120)))
                .jwtID(UUID.randomUUID().toString())
                .claim("events", Map.of(LogoutTokenVerifier.LOGOUT_EVENT, Map.of()))
                .claim("typ", "Logout");
    }

    private static String signed(JWTClaimsSet claims) throws Exception {
        return signed(claims, new JOSEObjectType("logout+jwt"), realmKey);
    }

    private static String signed(JWTClaimsSet claims, JOSEObjectType type, RSAKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(type).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private LogoutTokenVerifier.LogoutToken verify(String token) throws InvalidLogoutTokenException {
        return verifier.verify(token, (jti, until) -> seen.putIfAbsent(jti, until) == null);
    }

    private void refused(String why, String token) {
        assertThrows(InvalidLogoutTokenException.class, () -> verify(token), why);
    }

    private String with(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        return signed(change.apply(claims()).build());
    }

    @Test
    void aGoodTokenIsAcceptedOnceAndItsJtiRememberedUntilItExpires() throws Exception {
        JWTClaimsSet claims = claims().build();
        var logout = verify(signed(claims));
        assertEquals("keycloak-session-1", logout.sid());
        assertEquals("f4c1-subject", logout.subject());
        assertEquals(claims.getJWTID(), logout.jti());
        assertTrue(seen.get(claims.getJWTID()).isAfter(claims.getExpirationTime().toInstant()),
                "Remembered at least as long as the token would pass");

        refused("the same token again", signed(claims));
        refused("another token with the same jti", signed(claims().jwtID(claims.getJWTID()).claim("sid", "other").build()));
    }

    @Test
    void aTokenWithoutTypOrWithOnlyASubjectIsAccepted() throws Exception {
        assertEquals("keycloak-session-1", verify(signed(claims().build(), null, realmKey)).sid());
        var bySubject = verify(with(c -> c.claim("sid", null)));
        assertEquals(null, bySubject.sid());
        assertEquals("f4c1-subject", bySubject.subject());
    }

    @Test
    void eachWrongTokenIsRefused() throws Exception {
        refused("wrong issuer", with(c -> c.issuer("https://evil.example/realms/hamkke")));
        refused("no issuer", with(c -> c.issuer(null)));
        refused("wrong audience", with(c -> c.audience("another-client")));
        refused("no events claim", with(c -> c.claim("events", null)));
        refused("events without the logout event", with(c -> c.claim("events", Map.of("http://example.org/other", Map.of()))));
        refused("a nonce", with(c -> c.claim("nonce", "n-0S6_WzA2Mj")));
        refused("expired five minutes ago", with(c -> c.expirationTime(Date.from(Instant.now().minusSeconds(300)))));
        refused("no expiry", with(c -> c.expirationTime(null)));
        refused("no jti", with(c -> c.jwtID(null)));
        refused("neither sid nor sub", with(c -> c.claim("sid", null).subject(null)));
        refused("typ of an ID token", signed(claims().build(), JOSEObjectType.JWT, realmKey));
        refused("signed by another key with the realm's key id", signed(claims().build(), new JOSEObjectType("logout+jwt"), strangerKey));
        refused("alg none", new PlainJWT(claims().build()).serialize());
        refused("garbage", "not.a.token");

        // HS256 with the realm's public key as the shared secret: the old key-confusion trick.
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("logout+jwt")).build(),
                claims().build());
        hmac.sign(new MACSigner(realmKey.toRSAPublicKey().getEncoded()));
        refused("HS256 with the public key", hmac.serialize());

        // A signature that does not match the content: one claim changed after signing.
        String[] good = signed(claims().build()).split("\\.");
        String otherContent = with(c -> c.claim("sid", "someone-else")).split("\\.")[1];
        refused("content changed after signing", good[0] + "." + otherContent + "." + good[2]);

        assertTrue(seen.isEmpty(), "Nothing refused was remembered: " + seen.keySet());
    }
}
