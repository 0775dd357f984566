package org.hamkke.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Set;

/** What Keycloak tells the portal about a person at sign-in, as read from the ID token. */
public record SignInClaims(
        @NotBlank String subject,
        @NotBlank String username,
        String displayName,
        String email,
        String locale,
        @NotNull Set<Role> roles) {
}
