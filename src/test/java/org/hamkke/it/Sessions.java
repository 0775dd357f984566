package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertTrue;


import org.hamkke.devstack.DemoLogin;

/** Signed-in sessions for tests that send their own requests. */
final class Sessions {

    static final String COOKIE = "HAMKKE_SESSION";

    private Sessions() {}

    /** Signs in through the real Keycloak form and returns the portal session cookie's value. */
    static String signedIn(DemoLogin login) throws Exception {
        try (Visitor visitor = new Visitor()) {
            visitor.signIn(login);
            assertTrue(visitor.isSignedIn(), () -> "Not signed in as " + login + " at " + visitor.url());
            return cookie(visitor);
        }
    }

    static String cookie(Visitor visitor) {
        var cookie = visitor.browser().getCookieManager().getCookie(COOKIE);
        return cookie == null ? null : cookie.getValue();
    }
}
