package org.hamkke.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Set;
import java.util.stream.Collectors;

/** What Keycloak tells the portal about a person at sign-in, as read from the ID token. */
public record SignInClaims(
        @NotBlank String subject,
        @NotBlank String username,
        String displayName,
        String email,
        String locale,
        @NotNull Set<Role> roles) {

    /** The roles as stored on the Person: sorted role names, comma-separated. */
    String rolesText() {
        return roles.stream().map(Role::roleName).sorted().collect(Collectors.joining(","));
    }
}
