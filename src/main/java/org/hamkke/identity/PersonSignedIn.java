package org.hamkke.identity;

import java.util.Set;

/**
 * Fired (synchronously, inside the sign-in transaction) each time a person signs in, so other
 * contexts can greet a newcomer or explain a newly granted role without identity knowing them.
 *
 * @param firstTime the Person was created by this sign-in
 * @param grantedRoles roles held now that were not held at the previous sign-in (empty the first time)
 */
public record PersonSignedIn(long personId, boolean firstTime, Set<Role> grantedRoles) {}
