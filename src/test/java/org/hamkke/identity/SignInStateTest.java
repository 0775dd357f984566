package org.hamkke.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a sign-in keeps in the session: serialisable, secret-free when printed, PKCE done right. */
class SignInStateTest {

    @Test
    void pkceChallengeIsTheRfc7636Example() {
        var pending = new PendingSignIn("s", "n", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", "/", Instant.now());
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", pending.codeChallenge());
    }

    @Test
    void eachSignInHasItsOwnUnguessableValuesAndASafeReturnPath() {
        var one = PendingSignIn.start("//evil.example/", Instant.now());
        var two = PendingSignIn.start("/me/", Instant.now());
        assertNotEquals(one.state(), two.state());
        assertNotEquals(one.nonce(), two.nonce());
        assertNotEquals(one.codeVerifier(), two.codeVerifier());
        assertTrue(one.codeVerifier().length() >= 43, "RFC 7636: at least 43 characters");
        assertEquals("/", one.returnTo());
        assertEquals("/me/", two.returnTo());
        assertTrue(PendingSignIn.start("/", Instant.now().minus(PendingSignIn.LIFETIME).minusSeconds(1)).isExpired(Instant.now()));
    }

    @Test
    void theSignedInStateSurvivesSerialisationWhole() throws Exception {
        var signedIn = new SignedIn(7, "sub-7", "amina", "Amina", Set.of(Role.APPLICANT, Role.REVIEWER), "sid-1",
                Instant.parse("2026-12-01T10:00:00Z"), "id.token.value", "refresh.token.value", Instant.parse("2026-12-01T10:05:00Z"));
        var pendings = new LinkedHashMap<String, PendingSignIn>();
        pendings.put("s", PendingSignIn.start("/me/", Instant.now()));

        assertEquals(signedIn, roundTrip(signedIn));
        assertEquals(pendings, roundTrip(pendings));
    }

    @Test
    void printingTheStateNamesThePersonNotTheTokens() {
        var signedIn = new SignedIn(7, "sub-7", "amina", "Amina", Set.of(Role.APPLICANT), "sid-1",
                Instant.now(), "id.token.value", "refresh.token.value", Instant.now());
        assertFalse(signedIn.toString().contains("token.value"));
        assertTrue(signedIn.toString().contains("amina"));
        var pending = PendingSignIn.start("/me/", Instant.now());
        assertFalse(pending.toString().contains(pending.codeVerifier()));
        assertFalse(pending.toString().contains(pending.state()));
    }

    private static Object roundTrip(Object value) throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
