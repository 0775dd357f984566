package org.hamkke.identity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The services' own role check: staff or admin for staff's work, admin alone for admin's. */
class CallerTest {

    private static Caller callerWith(String... roles) {
        Caller caller = new Caller();
        caller.security = new SecurityContext() {
            @Override
            public Principal getCallerPrincipal() {
                return roles.length == 0 ? null : () -> "someone";
            }

            @Override
            public <T extends Principal> Set<T> getPrincipalsByType(Class<T> type) {
                return Set.of();
            }

            @Override
            public boolean isCallerInRole(String role) {
                return Set.of(roles).contains(role);
            }

            @Override
            public Set<String> getAllDeclaredCallerRoles() {
                return Set.of(roles);
            }

            @Override
            public boolean hasAccessToWebResource(String resource, String... methods) {
                return false;
            }

            @Override
            public AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
                    AuthenticationParameters parameters) {
                return AuthenticationStatus.NOT_DONE;
            }
        };
        return caller;
    }

    @Test
    void staffWorkNeedsStaffOrAdmin() {
        assertDoesNotThrow(() -> callerWith("staff").requireStaff("move applications"));
        assertDoesNotThrow(() -> callerWith("admin").requireStaff("move applications"));
        for (String[] roles : new String[][] {{}, {"applicant"}, {"reviewer"}, {"mentor", "entrepreneur"}}) {
            assertThrows(SecurityException.class, () -> callerWith(roles).requireStaff("move applications"));
        }
    }

    @Test
    void adminWorkNeedsAdmin() {
        assertDoesNotThrow(() -> callerWith("admin").requireAdmin("control jobs"));
        assertThrows(SecurityException.class, () -> callerWith("staff").requireAdmin("control jobs"));
    }
}
