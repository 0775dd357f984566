package org.hamkke.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SignInRolesTest {

    @Test
    void onlyRolesNotHeldBeforeAreNews() {
        assertEquals(Set.of(Role.REVIEWER), PersonService.newlyGranted("applicant", Set.of(Role.APPLICANT, Role.REVIEWER)));
        assertEquals(Set.of(), PersonService.newlyGranted("applicant,reviewer", Set.of(Role.APPLICANT)));
        assertEquals(Set.of(Role.APPLICANT), PersonService.newlyGranted("", Set.of(Role.APPLICANT)));
    }

    @Test
    void rolesAreStoredSortedSoTheSameSetIsTheSameText() {
        var claims = new SignInClaims("s", "u", null, null, null, Set.of(Role.STAFF, Role.ADMIN, Role.APPLICANT));
        assertEquals("admin,applicant,staff", claims.rolesText());
    }
}
