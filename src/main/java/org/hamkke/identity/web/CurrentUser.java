package org.hamkke.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hamkke.identity.Role;
import org.hamkke.identity.SignedIn;
import org.hamkke.shared.audit.Actor;

/** Who is looking at this page, for the top bar and the role-aware menu. */
@Named
@RequestScoped
public class CurrentUser {

    private static final String ROLES_ATTRIBUTE = "hamkke.roles";

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

    /** The signed-in person as the audit log names them. */
    public Actor actor() {
        SignedIn signedIn = SignedIn.of(request);
        if (signedIn == null) {
            throw new IllegalStateException("Nobody is signed in");
        }
        return new Actor(signedIn.personId(), signedIn.username());
    }

    /** The signed-in person's id, or null. */
    public Long getPersonId() {
        SignedIn signedIn = SignedIn.of(request);
        return signedIn == null ? null : signedIn.personId();
    }

    public boolean hasRole(Role role) {
        return rolesOf(request).contains(role);
    }

    /**
     * The person's roles, worked out once per request and kept on it. Kept because Payara cannot
     * answer {@code isUserInRole} while rendering an error page (its authorization context is
     * missing on the error dispatch), and the error pages show the role menu too.
     */
    @SuppressWarnings("unchecked")
    static Set<Role> rolesOf(HttpServletRequest request) {
        Object known = request.getAttribute(ROLES_ATTRIBUTE);
        if (known instanceof Set<?> roles) {
            return (Set<Role>) roles;
        }
        Set<Role> roles = request.getUserPrincipal() == null
                ? Set.of()
                : Arrays.stream(Role.values())
                        .filter(role -> request.isUserInRole(role.roleName()))
                        .collect(Collectors.toUnmodifiableSet());
        request.setAttribute(ROLES_ATTRIBUTE, roles);
        return roles;
    }

    public boolean has(String roleName) {
        return Role.fromRoleName(roleName).map(this::hasRole).orElse(false);
    }

    public List<Role> getRoles() {
        return Arrays.stream(Role.values()).filter(this::hasRole).toList();
    }
}
