package org.hamkke.academy.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CertificateContentTest {

    @Test
    void reissuingTheSameCertificateGivesTheSameCredentialId() {
        var first = CertificateSamples.withCode("en", "Grace Wanjiru", "Course", "Spring 2026", "HK-1");
        var again = CertificateSamples.withCode("fr", "Grace W.", "Cours", "Printemps 2026", "HK-1");
        assertEquals(first.credentialId(), again.credentialId());
        assertEquals(first.subjectId(), again.subjectId());
        assertTrue(first.credentialId().toString().matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"),
                first.credentialId().toString());
    }

    @Test
    void anotherCodeIsAnotherCredentialAndSubjectDiffersFromCredential() {
        var one = CertificateSamples.withCode("en", "A", "C", "K", "HK-1");
        var two = CertificateSamples.withCode("en", "A", "C", "K", "HK-2");
        assertNotEquals(one.credentialId(), two.credentialId());
        assertNotEquals(one.credentialId(), one.subjectId());
    }

    @Test
    void languageIsNormalisedAndDirectionKnown() {
        assertEquals("id", CertificateSamples.sample("in", "A", "C", "K").languageCode());
        assertTrue(CertificateSamples.ur().rightToLeft());
        assertTrue(!CertificateSamples.fr().rightToLeft());
    }

    @Test
    void refusesWhatCannotBePrinted() {
        assertThrows(IllegalArgumentException.class, () -> CertificateSamples.sample("de", "A", "C", "K"));
        assertThrows(IllegalArgumentException.class, () -> CertificateSamples.sample("en", " ", "C", "K"));
        assertThrows(IllegalArgumentException.class, () -> new CertificateContent("A", "C", "K", LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 2), "HK-1", URI.create("https://x/v/HK-1"),
                URI.create("https://x/c/1"), Locale.ENGLISH));
    }
}
