package org.hamkke.academy.certificate;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * Where the academy's credential signing key comes from. The portal will keep it in its
 * configuration or database (issue 12's integration); {@link RsaCredentialKeys} reads one from a
 * configuration value, or makes one for tests and the dev run.
 */
public interface CredentialKeys {

    /**
     * The RSA private key credentials are signed with (RS256, the algorithm Open Badges 3.0
     * requires every implementation to support). Its {@code kid} is an absolute URI that
     * dereferences to the public key: the published JWK Set's address with the key's thumbprint
     * as fragment.
     */
    RSAKey signingKey();

    /**
     * The public keys a verifier accepts, the current one first and then retired ones (a
     * credential signed before a key rotation still verifies): what the portal publishes as its
     * JWK Set. Never holds a private part.
     */
    JWKSet publicKeys();
}
