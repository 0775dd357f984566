package org.hamkke.identity;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * A sign-in on its way through Keycloak: what the browser must bring back ({@code state}), what
 * the ID token must carry ({@code nonce}), the PKCE verifier only this session knows, and where
 * to go afterwards. Kept in the HTTP session, so it is serialisable and holds no secret of
 * anyone else's.
 */
public record PendingSignIn(String state, String nonce, String codeVerifier, String returnTo, Instant startedAt)
        implements Serializable {

    /** Longer than anyone takes to type a password or register; a stale callback is refused. */
    public static final Duration LIFETIME = Duration.ofMinutes(30);

    private static final SecureRandom RANDOM = new SecureRandom();

    public static PendingSignIn start(String returnTo, Instant now) {
        return new PendingSignIn(random(24), random(24), random(48), org.hamkke.shared.web.SitePath.sanitise(returnTo), now);
    }

    /** The PKCE challenge (RFC 7636, S256) sent with the authorization request. */
    public String codeChallenge() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(codeVerifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean isExpired(Instant now) {
        return startedAt.plus(LIFETIME).isBefore(now);
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    @Override
    public String toString() {
        return "PendingSignIn[to " + returnTo + " since " + startedAt + "]";
    }
}
