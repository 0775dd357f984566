package org.hamkke.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;


import java.util.Set;
import org.junit.jupiter.api.Test;

class SignInRolesTest {

    @Test
    void onlyRolesNotHeldBeforeAreNews() {
        assertEquals(Set.of(Role.REVIEWER), PersonService.newlyGranted(Set.of(Role.APPLICANT), Set.of(Role.APPLICANT, Role.REVIEWER)));
        assertEquals(Set.of(), PersonService.newlyGranted(Set.of(Role.APPLICANT, Role.REVIEWER), Set.of(Role.APPLICANT)));
        assertEquals(Set.of(Role.APPLICANT), PersonService.newlyGranted(Set.of(), Set.of(Role.APPLICANT)));
    }
}
