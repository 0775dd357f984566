package org.hamkke.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.util.Map;
import java.util.Set;

/**
 * Checks a back-channel logout token the way OpenID Connect Back-Channel Logout 1.0 (section
 * 2.6) asks: signed by the realm's key, issued by our realm for our client, carrying the logout
 * event and a {@code sid} or {@code sub}, and no {@code nonce}.
 */
/** Keycloak's server-to-server call is anonymous; the token's signature is its credential. */
@Allowed(anyone = true)
@ApplicationScoped
public class LogoutTokenVerifier {

    static final String LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";

    @Inject
    OidcConfig config;

    private DefaultJWTProcessor<SecurityContext> processor;

    @PostConstruct
    void init() {
        try {
            JWKSource<SecurityContext> keys = JWKSourceBuilder.create(config.getJwksUri().toURL())
                    .retrying(true)
                    .build();
            processor = new DefaultJWTProcessor<>();
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                    Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256), keys));
            processor.setJWSTypeVerifier((type, context) -> {});
            processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                    config.getClientId(),
                    new JWTClaimsSet.Builder().issuer(config.getProviderUri()).build(),
                    Set.of("iat", "jti", "events")));
        } catch (MalformedURLException e) {
            throw new IllegalStateException("Bad Keycloak URL " + config.getJwksUri(), e);
        }
    }

    /** The verified claims, or an exception saying why the token is refused. */
    public LogoutToken verify(String token) throws InvalidLogoutTokenException {
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
            return new LogoutToken(sid, subject);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new InvalidLogoutTokenException(e.getMessage());
        }
    }

    public record LogoutToken(String sid, String subject) {}

    public static class InvalidLogoutTokenException extends Exception {
        public InvalidLogoutTokenException(String reason) {
            super(reason);
        }
    }
}
