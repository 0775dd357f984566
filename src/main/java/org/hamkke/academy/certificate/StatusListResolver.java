package org.hamkke.academy.certificate;

import java.net.URI;
import java.util.Optional;

/**
 * Finds a status list credential (its VC-JWT) by the address a credential names. The portal
 * answers for its own lists from its database rather than over HTTP; a verifier of someone
 * else's credentials would fetch the address.
 */
@FunctionalInterface
public interface StatusListResolver {

    Optional<String> find(URI statusListCredential);
}
