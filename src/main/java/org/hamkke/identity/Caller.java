package org.hamkke.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;

/**
 * The role check services make themselves, behind the page's own gate: a service that changes
 * staff's data refuses a caller without the role even if some page forgot to ask (defence in
 * depth, ASVS V8). A refusal is a SecurityException: a programming error, never a user's mistake,
 * because the pages only offer these actions to those who hold the role.
 */
@ApplicationScoped
public class Caller {

    @Inject
    SecurityContext security;

    public void requireStaff(String what) {
        if (!security.isCallerInRole(Role.STAFF.roleName()) && !security.isCallerInRole(Role.ADMIN.roleName())) {
            throw new SecurityException("Only staff may " + what);
        }
    }

    public void requireAdmin(String what) {
        if (!security.isCallerInRole(Role.ADMIN.roleName())) {
            throw new SecurityException("Only an admin may " + what);
        }
    }
}
