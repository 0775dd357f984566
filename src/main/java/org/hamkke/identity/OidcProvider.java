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
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.hamkke.shared.JsonObjects;

/**
 * The portal's side of OpenID Connect with Keycloak: the authorization code flow (with PKCE,
 * state and nonce), the token endpoint, ID token validation against the realm's keys, and refresh.
 *
 * <p>Endpoints are Keycloak's standard ones under the configured realm address rather than read
 * from the discovery document: one request fewer at every start and nothing to go stale, and the
 * issuer checked in every ID token is the configured realm address itself.
 */
/** Signing in is for people not yet signed in. */
@Allowed(anyone = true)
@ApplicationScoped
public class OidcProvider {

    /** A token endpoint answer the sign-in can use; never logged (it holds tokens). */
    public record Tokens(String idToken, String accessToken, String refreshToken, Instant accessExpiresAt) {
        @Override
        public String toString() {
            return "Tokens[access expires " + accessExpiresAt + "]";
        }
    }

    /** Keycloak said no (a bad or used code, a refresh token that no longer works). */
    public static class Refused extends Exception {
        public Refused(String reason) {
            super(reason);
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Inject
    OidcConfig config;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private JWKSource<SecurityContext> keys;

    @PostConstruct
    void init() {
        try {
            keys = JWKSourceBuilder.create(config.getJwksUri().toURL()).retrying(true).build();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("Bad Keycloak URL " + config.getJwksUri(), e);
        }
    }

    /** Where the browser goes to sign in, for one pending sign-in. */
    public URI authorizationUri(PendingSignIn pending, String language) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", config.getClientId());
        query.put("redirect_uri", config.getRedirectUri());
        query.put("scope", "openid profile email");
        query.put("state", pending.state());
        query.put("nonce", pending.nonce());
        query.put("code_challenge", pending.codeChallenge());
        query.put("code_challenge_method", "S256");
        if (language != null) {
            // Keycloak shows its sign-in, registration and reset pages in this language.
            query.put("ui_locales", language);
        }
        return URI.create(config.getProviderUri() + "/protocol/openid-connect/auth?" + form(query));
    }

    /** Where signing out ends: Keycloak's session too (RP-initiated logout). */
    public URI endSessionUri(String idTokenHint) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", config.getClientId());
        query.put("post_logout_redirect_uri", config.getPostLogoutUri());
        if (idTokenHint != null) {
            query.put("id_token_hint", idTokenHint);
        }
        return URI.create(config.getProviderUri() + "/protocol/openid-connect/logout?" + form(query));
    }

    /** Exchanges the code the browser brought back, proving with the verifier that we asked for it. */
    public Tokens exchange(String code, PendingSignIn pending) throws Refused, IOException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("redirect_uri", config.getRedirectUri());
        body.put("code_verifier", pending.codeVerifier());
        return tokenRequest(body);
    }

    public Tokens refresh(String refreshToken) throws Refused, IOException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "refresh_token");
        body.put("refresh_token", refreshToken);
        return tokenRequest(body);
    }

    private Tokens tokenRequest(Map<String, String> body) throws Refused, IOException {
        String basic = Base64.getEncoder().encodeToString(
                (urlEncode(config.getClientId()) + ":" + urlEncode(config.getClientSecret())).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.getProviderUri() + "/protocol/openid-connect/token"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form(body)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while asking Keycloak for tokens", e);
        }
        JsonObject json;
        try {
            json = JsonObjects.parse(response.body());
        } catch (RuntimeException notJson) {
            throw new IOException("Keycloak's token endpoint answered " + response.statusCode() + " without JSON");
        }
        if (response.statusCode() == 400 || response.statusCode() == 401) {
            // The error code only: the description can echo what was sent.
            throw new Refused(json.getString("error", "refused"));
        }
        if (response.statusCode() != 200) {
            throw new IOException("Keycloak's token endpoint answered " + response.statusCode());
        }
        long expiresIn = json.containsKey("expires_in") ? json.getJsonNumber("expires_in").longValue() : 60;
        return new Tokens(
                json.getString("id_token", null),
                json.getString("access_token", null),
                json.getString("refresh_token", null),
                Instant.now().plusSeconds(expiresIn));
    }

    /**
     * The ID token's claims once its signature (the realm's keys), issuer, audience, times and, at
     * sign-in, the nonce are checked (OpenID Connect Core 3.1.3.7).
     *
     * @param nonce the nonce sent with the authorization request; null for a refreshed token
     */
    public IdToken validate(String idToken, String nonce) throws Refused {
        if (idToken == null) {
            throw new Refused("no ID token");
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256), keys));
        JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder().issuer(config.getProviderUri());
        if (nonce != null) {
            exact.claim("nonce", nonce);
        }
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(config.getClientId(), exact.build(), Set.of("sub", "iat", "exp")));
        try {
            JWTClaimsSet claims = processor.process(idToken, null);
            String authorizedParty = claims.getStringClaim("azp");
            if (authorizedParty != null && !authorizedParty.equals(config.getClientId())) {
                throw new Refused("issued to another client");
            }
            return IdToken.of(claims);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new Refused(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** What the portal reads from a validated ID token. */
    public record IdToken(String subject, String username, String displayName, String email, String locale, String sid, Set<Role> roles) {

        static IdToken of(JWTClaimsSet claims) throws ParseException {
            List<String> groups = claims.getStringListClaim("groups");
            Set<Role> roles = groups == null ? Set.of() : groups.stream()
                    .map(Role::fromRoleName)
                    .flatMap(java.util.Optional::stream)
                    .collect(Collectors.toUnmodifiableSet());
            String username = Objects.requireNonNullElse(claims.getStringClaim("preferred_username"), claims.getSubject());
            return new IdToken(claims.getSubject(), username, claims.getStringClaim("name"),
                    claims.getStringClaim("email"), claims.getStringClaim("locale"), claims.getStringClaim("sid"), roles);
        }

        public SignInClaims claims() {
            return new SignInClaims(subject, username, displayName, email, locale, roles);
        }
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> urlEncode(e.getKey()) + "=" + urlEncode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
