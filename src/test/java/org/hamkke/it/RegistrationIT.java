package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/** A newcomer registers on Keycloak's page and lands back in the portal, signed in, as an applicant. */
class RegistrationIT {

    @Test
    void newcomerRegistersAndIsAnApplicant() throws Exception {
        String username = KeycloakAdmin.randomUsername();
        try (Visitor visitor = new Visitor()) {
            visitor.open("/me/");
            assertTrue(visitor.onKeycloakLoginForm());
            HtmlAnchor register = visitor.html().getAnchors().stream()
                    .filter(a -> a.getHrefAttribute().contains("login-actions/registration"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("No register link on the login page"));
            HtmlPage form = register.click();
            assertNotNull(form.getElementById("kc-register-form"), "Keycloak's registration form");
            form.<HtmlInput>getHtmlElementById("username").setValue(username);
            form.<HtmlInput>getHtmlElementById("email").setValue(username + "@example.org");
            form.<HtmlInput>getHtmlElementById("firstName").setValue("Rina");
            form.<HtmlInput>getHtmlElementById("lastName").setValue("Newcomer");
            form.<HtmlInput>getHtmlElementById("password").setValue("a-long-passphrase-1");
            form.<HtmlInput>getHtmlElementById("password-confirm").setValue("a-long-passphrase-1");
            HtmlElement submit = form.getHtmlElementById("kc-register-form").getElementsByTagName("input").stream()
                    .filter(input -> "submit".equals(input.getAttribute("type")))
                    .findFirst()
                    .orElseThrow();
            HtmlPage me = submit.click();
            assertEquals(TestStack.portalUrl() + "/me/", me.getUrl().toString(), () -> "Registration refused: "
                    + me.asNormalizedText().lines().filter(l -> l.length() > 20).limit(5).toList());

            assertTrue(visitor.browser().getCurrentWindow().getEnclosedPage() == me);
            List<String> roles = me.getElementById("roles").getElementsByTagName("li").stream()
                    .map(li -> li.getAttribute("data-role"))
                    .toList();
            assertEquals(List.of("applicant"), roles);
            assertTrue(me.getElementById("me-title").getTextContent().contains("Rina Newcomer"));
        } finally {
            var admin = new KeycloakAdmin();
            if (admin.exists(username)) {
                admin.deleteUser(admin.userId(username));
            }
        }
    }
}
