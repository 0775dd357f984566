package org.hamkke.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import org.hamkke.identity.Role;
import org.hamkke.identity.SignedIn;

/** Who is looking at this page, for the top bar and the role-aware menu. */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    HttpServletRequest request;

    public boolean isSignedIn() {
        return request.getUserPrincipal() != null;
    }

    public String getDisplayName() {
        SignedIn signedIn = SignedIn.of(request);
        if (signedIn != null) {
            return signedIn.displayName();
        }
        return isSignedIn() ? request.getUserPrincipal().getName() : "";
    }

    public boolean hasRole(Role role) {
        return isSignedIn() && request.isUserInRole(role.roleName());
    }

    public boolean has(String roleName) {
        return Role.fromRoleName(roleName).map(this::hasRole).orElse(false);
    }

    public List<Role> getRoles() {
        return Arrays.stream(Role.values()).filter(this::hasRole).toList();
    }
}
