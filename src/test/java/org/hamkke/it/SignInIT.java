package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hamkke.devstack.DemoLogin;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each demo role signs in through the real Keycloak form, sees its menu, and signs out for real. */
class SignInIT {

    /** The menu entries each role must see, and no others. */
    private static final Map<DemoLogin, Set<String>> MENU = Map.of(
            DemoLogin.APPLICANT, Set.of("menu-me"),
            DemoLogin.ENTREPRENEUR, Set.of("menu-me", "menu-venture"),
            DemoLogin.MENTOR, Set.of("menu-me", "menu-mentor", "menu-teach"),
            DemoLogin.REVIEWER, Set.of("menu-me", "menu-reviewer"),
            DemoLogin.STAFF, Set.of("menu-me", "menu-staff", "menu-teach"),
            DemoLogin.ADMIN, Set.of("menu-me", "menu-staff", "menu-admin", "menu-teach"));

    @ParameterizedTest
    @EnumSource(DemoLogin.class)
    void signsInSeesOwnMenuAndSignsOutOfKeycloakToo(DemoLogin login) throws Exception {
        try (Visitor visitor = new Visitor()) {
            visitor.open("/");
            assertFalse(visitor.isSignedIn());

            HtmlPage home = visitor.signIn(login);

            visitor.assertOnPortal();
            assertTrue(visitor.isSignedIn(), () -> "Not signed in after login, at " + visitor.url());
            assertFalse(home.getElementById("who").getTextContent().isBlank());
            assertEquals(MENU.get(login), menuOf(home));

            HtmlPage me = visitor.open("/me/");
            assertEquals(200, visitor.status());
            List<String> roles = me.getElementById("roles").getElementsByTagName("li").stream()
                    .map(li -> li.getAttribute("data-role"))
                    .toList();
            assertTrue(roles.contains(login.role()), () -> "Roles shown: " + roles);

            visitor.signOut();
            visitor.assertOnPortal();
            assertFalse(visitor.isSignedIn(), "Still signed in after signing out");

            // The Keycloak session is gone too: signing in again asks for the password.
            visitor.open("/me/");
            assertTrue(visitor.onKeycloakLoginForm(), () -> "Expected Keycloak's login form, got " + visitor.url());
        }
    }

    private static Set<String> menuOf(HtmlPage page) {
        DomElement menu = page.getElementById("menu");
        return menu.getElementsByTagName("a").stream()
                .map(a -> a.getAttribute("id"))
                .collect(Collectors.toSet());
    }
}
