package org.hamkke.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Checks a back-channel logout token the way OpenID Connect Back-Channel Logout 1.0 (section
 * 2.6) asks: signed by the realm's key (RS256, PS256 or ES256; never {@code none} or a shared
 * secret), typed {@code logout+jwt} when it says its type (Keycloak does: an ID or access token
 * posted here is refused), issued by our realm for our client, not expired, carrying the logout
 * event, a {@code sid} or {@code sub}, a {@code jti} and no {@code nonce}; and not seen before. A
 * token seen before is refused: replayed, a logout naming only the person ({@code sub}) would end
 * the sessions they began since.
 *
 * <p>Plain Java apart from the CDI constructor, so the rules are tested with tokens signed by a
 * key the test makes ({@code LogoutTokenVerifierTest}).
 */
/** Keycloak's server-to-server call is anonymous; the token's signature is its credential. */
@Allowed(anyone = true)
@ApplicationScoped
public class LogoutTokenVerifier {

    static final String LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";
    static final JOSEObjectType LOGOUT_TYPE = new JOSEObjectType("logout+jwt");

    private final DefaultJWTProcessor<SecurityContext> processor;

    /** Remembers a token's {@code jti} until it expires; says whether it is new. */
    @FunctionalInterface
    public interface SeenTokens {
        boolean firstTime(String jti, Instant until);
    }

    /** For CDI's proxy only. */
    protected LogoutTokenVerifier() {
        processor = null;
    }

    @Inject
    LogoutTokenVerifier(OidcConfig config) {
        this(remoteKeys(config), config.getProviderUri(), config.getClientId());
    }

    /**
     * @param keys the realm's signing keys (its JWKS)
     * @param issuer the realm, exactly as its tokens name it
     * @param clientId the portal's client: the audience a token must name
     */
    public LogoutTokenVerifier(JWKSource<SecurityContext> keys, String issuer, String clientId) {
        processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256), keys));
        processor.setJWSTypeVerifier((type, context) -> {
            // Absent is allowed (the specification only recommends the type); present, it must be ours.
            if (type != null && !LOGOUT_TYPE.equals(type) && !type.getType().equalsIgnoreCase("application/logout+jwt")) {
                throw new BadJWSException("typ " + type + " is not logout+jwt");
            }
        });
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                clientId,
                new JWTClaimsSet.Builder().issuer(issuer).build(),
                Set.of("iat", "exp", "jti", "events")));
    }

    private static JWKSource<SecurityContext> remoteKeys(OidcConfig config) {
        try {
            return JWKSourceBuilder.create(config.getJwksUri().toURL()).retrying(true).build();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("Bad Keycloak URL " + config.getJwksUri(), e);
        }
    }

    /**
     * The verified token, or an exception saying why it is refused.
     *
     * @param seen asked last, once every other check passed: a token is remembered only when it is
     *     genuine, and refused when it was remembered before
     */
    public LogoutToken verify(String token, SeenTokens seen) throws InvalidLogoutTokenException {
        try {
            JWTClaimsSet claims = processor.process(token, null);
            Map<String, Object> events = claims.getJSONObjectClaim("events");
            if (events == null || !events.containsKey(LOGOUT_EVENT)) {
                throw new InvalidLogoutTokenException("no back-channel logout event");
            }
            if (claims.getClaim("nonce") != null) {
                throw new InvalidLogoutTokenException("a logout token carries no nonce");
            }
            String sid = claims.getStringClaim("sid");
            String subject = claims.getSubject();
            if (sid == null && subject == null) {
                throw new InvalidLogoutTokenException("neither sid nor sub");
            }
            LogoutToken logout = new LogoutToken(claims.getJWTID(), sid, subject, claims.getExpirationTime().toInstant());
            // Remembered as long as the token would pass: until it expires, plus the clock skew allowed.
            Instant passesUntil = logout.expiresAt().plusSeconds(DefaultJWTClaimsVerifier.DEFAULT_MAX_CLOCK_SKEW_SECONDS);
            if (!seen.firstTime(logout.jti(), passesUntil)) {
                throw new InvalidLogoutTokenException("replayed: jti seen before");
            }
            return logout;
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new InvalidLogoutTokenException(e.getMessage());
        }
    }

    public record LogoutToken(String jti, String sid, String subject, Instant expiresAt) {}

    public static class InvalidLogoutTokenException extends Exception {
        public InvalidLogoutTokenException(String reason) {
            super(reason);
        }
    }
}
