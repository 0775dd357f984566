package org.hamkke.shared.audit;

/**
 * Who did something: the Person's id and their username as it was at the time (kept even if the
 * account is later renamed). {@link #SYSTEM} is the portal itself, for scheduled work.
 */
public record Actor(Long personId, String username) {

    public static final Actor SYSTEM = new Actor(null, "system");
}
