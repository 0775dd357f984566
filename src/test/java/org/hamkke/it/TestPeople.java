package org.hamkke.it;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * People a test creates in the real Keycloak, each signed in once so the portal knows them (a
 * Person row, their roles recorded), and deleted from Keycloak after the test. Register with
 * {@code @RegisterExtension final TestPeople people = new TestPeople();}.
 */
final class TestPeople implements AfterEachCallback {

    static final String PASSWORD = "a-long-passphrase-1";

    private final List<String> created = new ArrayList<>();

    /** A new person with these realm roles (applicant is the realm's default), in this language. */
    String create(String locale, String... roles) throws Exception {
        String username = KeycloakAdmin.randomUsername();
        var admin = new KeycloakAdmin();
        admin.createUser(username, PASSWORD, locale);
        created.add(username);
        for (String role : roles) {
            admin.grantRealmRole(admin.userId(username), role);
        }
        try (Visitor v = new Visitor()) {
            v.open("/me/");
            v.submitKeycloakLogin(username, PASSWORD);
        }
        return username;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        var admin = new KeycloakAdmin();
        for (String username : created) {
            if (admin.exists(username)) {
                admin.deleteUser(admin.userId(username));
            }
        }
        created.clear();
    }
}
