package org.hamkke.academy.certificate;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A signing key held in memory: read from a configuration value (MicroProfile Config style: the
 * private RSA key as one JWK JSON string, overridable by an environment variable), or generated.
 *
 * <p>Configuration, as the integration is expected to name it:
 * {@code hamkke.academy.credentials.signing-jwk} holds the private JWK (with {@code kid});
 * {@code hamkke.academy.credentials.retired-jwks}, optional, a JWK Set of earlier public keys.
 */
public final class RsaCredentialKeys implements CredentialKeys {

    /** RSA keys under 2048 bits are refused (NIST SP 800-131A; 1EdTech's security framework). */
    static final int MIN_BITS = 2048;

    private final RSAKey signingKey;
    private final JWKSet publicKeys;

    private RsaCredentialKeys(RSAKey signingKey, List<RSAKey> retired) {
        this.signingKey = signingKey;
        List<JWK> published = new ArrayList<>();
        published.add(signingKey.toPublicJWK());
        for (RSAKey key : retired) {
            published.add(key.toPublicJWK());
        }
        this.publicKeys = new JWKSet(published);
    }

    /**
     * Reads the signing key from its configuration value.
     *
     * @param signingJwk a private RSA JWK in JSON, with a {@code kid} that is an absolute URI
     * @param retiredJwks a JWK Set in JSON of earlier public keys, or null or blank for none
     */
    public static RsaCredentialKeys fromConfig(String signingJwk, String retiredJwks) {
        Objects.requireNonNull(signingJwk, "signingJwk");
        RSAKey key;
        try {
            key = RSAKey.parse(signingJwk);
        } catch (ParseException e) {
            // The message of a parse error may quote the value: never a private key in a log.
            throw new IllegalArgumentException("The credential signing key is not an RSA JWK");
        }
        if (!key.isPrivate()) {
            throw new IllegalArgumentException("The credential signing key has no private part");
        }
        check(key);
        List<RSAKey> retired = new ArrayList<>();
        if (retiredJwks != null && !retiredJwks.isBlank()) {
            try {
                for (JWK jwk : JWKSet.parse(retiredJwks).getKeys()) {
                    check(jwk.toRSAKey());
                    retired.add(jwk.toRSAKey().toPublicJWK());
                }
            } catch (ParseException | IllegalStateException e) {
                throw new IllegalArgumentException("The retired credential keys are not a JWK Set of RSA keys");
            }
        }
        return new RsaCredentialKeys(key, retired);
    }

    /**
     * A new 2048-bit key whose {@code kid} is {@code jwksUrl#<RFC 7638 thumbprint>}: for tests and
     * the dev run, where nothing needs to survive a restart.
     */
    public static RsaCredentialKeys generate(URI jwksUrl) {
        try {
            RSAKey key = new RSAKeyGenerator(MIN_BITS).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
            String kid = jwksUrl + "#" + key.computeThumbprint();
            return new RsaCredentialKeys(new RSAKey.Builder(key).keyID(kid).build(), List.of());
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }

    private static void check(RSAKey key) {
        if (key.getKeyID() == null) {
            throw new IllegalArgumentException("A credential key needs a kid");
        }
        try {
            if (!new URI(key.getKeyID()).isAbsolute()) {
                throw new IllegalArgumentException("A credential key's kid is an absolute URI (Open Badges 3.0): " + key.getKeyID());
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("A credential key's kid is an absolute URI (Open Badges 3.0): " + key.getKeyID());
        }
        if (key.size() < MIN_BITS) {
            throw new IllegalArgumentException("A credential key has at least " + MIN_BITS + " bits: " + key.getKeyID());
        }
    }

    @Override
    public RSAKey signingKey() {
        return signingKey;
    }

    @Override
    public JWKSet publicKeys() {
        return publicKeys;
    }

    @Override
    public String toString() {
        return "RsaCredentialKeys[" + signingKey.getKeyID() + "]";
    }
}
