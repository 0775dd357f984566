package org.hamkke.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.hamkke.identity.Role;
import org.hamkke.identity.SignedIn;
import org.hamkke.shared.audit.Actor;

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
     * The person's roles, from the sign-in kept in the session: the same the container was told, and
     * readable while an error page renders (Payara cannot answer {@code isUserInRole} on the error
     * dispatch, and the error pages show the role menu too).
     */
    static Set<Role> rolesOf(HttpServletRequest request) {
        SignedIn signedIn = SignedIn.of(request);
        return signedIn == null ? Set.of() : signedIn.roles();
    }

    public boolean has(String roleName) {
        return Role.fromRoleName(roleName).map(this::hasRole).orElse(false);
    }

    public List<Role> getRoles() {
        return Arrays.stream(Role.values()).filter(this::hasRole).toList();
    }
}
