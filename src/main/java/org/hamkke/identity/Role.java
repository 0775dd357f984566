package org.hamkke.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The portal's roles, one per Keycloak realm role (see realm-config/). A person may hold several;
 * {@code admin} implies everything {@code staff} can do, {@code entrepreneur} everything
 * {@code applicant} can.
 */
public enum Role {
    APPLICANT,
    ENTREPRENEUR,
    MENTOR,
    REVIEWER,
    STAFF,
    ADMIN;

    /** The realm role name in Keycloak and in {@code isUserInRole}. */
    public String roleName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<Role> fromRoleName(String name) {
        return Arrays.stream(values()).filter(r -> r.roleName().equals(name)).findFirst();
    }
}
