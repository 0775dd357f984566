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

/**
 * A newcomer registers on Keycloak's page, confirms their address from the mail Keycloak sends
 * (read from the mail catcher), and lands back in the portal, signed in, as an applicant.
 */
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
            String address = username + "@example.org";
            form.<HtmlInput>getHtmlElementById("email").setValue(address);
            form.<HtmlInput>getHtmlElementById("firstName").setValue("Rina");
            form.<HtmlInput>getHtmlElementById("lastName").setValue("Newcomer");
            form.<HtmlInput>getHtmlElementById("password").setValue("a-long-passphrase-1");
            form.<HtmlInput>getHtmlElementById("password-confirm").setValue("a-long-passphrase-1");
            HtmlElement submit = form.getHtmlElementById("kc-register-form").getElementsByTagName("input").stream()
                    .filter(input -> "submit".equals(input.getAttribute("type")))
                    .findFirst()
                    .orElseThrow();
            HtmlPage verifyPrompt = submit.click();
            assertTrue(verifyPrompt.getUrl().toString().startsWith(TestStack.keycloakUrl()),
                    "Keycloak asks to verify the address first");

            Mailbox.Mail verify = new Mailbox(address).await(m -> true, 1, java.time.Duration.ofSeconds(30)).getFirst();
            java.util.regex.Matcher link = java.util.regex.Pattern.compile("https?://\\S+action-token\\S+").matcher(verify.text());
            assertTrue(link.find(), () -> "A verification link in: " + verify.text());
            HtmlPage me = (HtmlPage) visitor.openRaw(link.group());
            if (!me.getUrl().toString().startsWith(TestStack.portalUrl())) {
                // Some Keycloak versions confirm first and offer a link back to the application.
                me = me.getAnchors().stream().filter(a -> a.getHrefAttribute().startsWith(TestStack.portalUrl()))
                        .findFirst().orElseThrow(() -> new AssertionError("Stuck at " + visitor.url())).click();
            }
            HtmlPage landed = me;
            assertEquals(TestStack.portalUrl() + "/me/", landed.getUrl().toString(), () -> "Registration refused: "
                    + landed.asNormalizedText().lines().filter(l -> l.length() > 20).limit(5).toList());

            List<String> roles = landed.getElementById("roles").getElementsByTagName("li").stream()
                    .map(li -> li.getAttribute("data-role"))
                    .toList();
            assertEquals(List.of("applicant"), roles);
            assertTrue(landed.getElementById("me-title").getTextContent().contains("Rina Newcomer"));
        } finally {
            var admin = new KeycloakAdmin();
            if (admin.exists(username)) {
                admin.deleteUser(admin.userId(username));
            }
        }
    }
}
