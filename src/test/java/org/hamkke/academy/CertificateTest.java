package org.hamkke.academy;

import org.hamkke.shared.Refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Revoking: with a reason anyone verifying reads, once, never undone. */
class CertificateTest {

    private static final Instant NOW = Instant.parse("2027-06-02T09:00:00Z");

    @Test
    void staffRevokeWithAReasonOnce() {
        Certificate certificate = new Certificate();
        assertFalse(certificate.isRevoked());
        certificate.revoke("  Attendance was recorded for the wrong person.  ", 7L, NOW);
        assertTrue(certificate.isRevoked());
        assertEquals(NOW, certificate.getRevokedAt());
        assertEquals(7L, certificate.getRevokedBy());
        assertEquals("Attendance was recorded for the wrong person.", certificate.getRevokedReason(), "kept trimmed");

        Refused again = assertThrows(Refused.class, () -> certificate.revoke("Another reason", 8L, NOW.plusSeconds(60)));
        assertEquals("academy.revoke.alreadyRevoked", again.key());
        assertEquals(NOW, certificate.getRevokedAt(), "the first revocation stands");
        assertEquals(7L, certificate.getRevokedBy());
    }

    @Test
    void aReasonIsRequiredAndMustBeStorable() {
        for (String none : new String[] {null, "", "   \n "}) {
            Certificate certificate = new Certificate();
            assertEquals("academy.revoke.reasonRequired", assertThrows(Refused.class, () -> certificate.revoke(none, 1L, NOW)).key());
            assertFalse(certificate.isRevoked());
        }
        Certificate certificate = new Certificate();
        Refused tooLong = assertThrows(Refused.class, () -> certificate.revoke("x".repeat(Certificate.REASON_LENGTH + 1), 1L, NOW));
        assertEquals("text.tooLong", tooLong.key());
        assertEquals(String.valueOf(Certificate.REASON_LENGTH), tooLong.problems().getFirst().arg());
        assertEquals("text.unstorable", assertThrows(Refused.class, () -> certificate.revoke("a\u0000b", 1L, NOW)).key());
        assertNull(certificate.getRevokedAt(), "nothing half-done");
        certificate.revoke("x".repeat(Certificate.REASON_LENGTH), 1L, NOW);
        assertTrue(certificate.isRevoked(), "the longest reason allowed");
    }
}
