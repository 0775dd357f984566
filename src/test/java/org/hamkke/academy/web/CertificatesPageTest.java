package org.hamkke.academy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hamkke.academy.Certificates;
import org.junit.jupiter.api.Test;
import org.primefaces.model.FilterMeta;

/**
 * Staff's certificates table asks the database for what its filters say (a status the table never
 * offered is no filter), and the verification page's summary of a signed credential reads only
 * what the credential holds.
 */
class CertificatesPageTest {

    private static Map<String, FilterMeta> filters(Map<String, Object> values) {
        Map<String, FilterMeta> filters = new java.util.LinkedHashMap<>();
        values.forEach((field, value) -> filters.put(field, FilterMeta.builder().field(field).filterValue(value).build()));
        return filters;
    }

    @Test
    void theTablesFiltersBecomeTheQuerysFilter() {
        assertEquals(new Certificates.Filter(null, null), CertificateModel.filter(Map.of()));
        assertEquals(new Certificates.Filter(true, "wanjiru"), CertificateModel.filter(filters(Map.of("status", "REVOKED", "name", "wanjiru"))));
        assertEquals(new Certificates.Filter(false, null), CertificateModel.filter(filters(Map.of("status", "VALID"))));
        assertEquals(new Certificates.Filter(null, null), CertificateModel.filter(filters(Map.of("status", "' or 1=1 --"))), "a forged status");
        assertEquals(200, CertificateModel.filter(filters(Map.of("name", "x".repeat(5000)))).text().length(), "a forged long text is cut");
    }

    @Test
    void theSignedClaimsSummaryReadsTheCredential() {
        Map<String, Object> credential = Map.of(
                "validFrom", "2027-06-01T10:15:30Z",
                "issuer", Map.of("id", "https://portal.example/credentials/issuer", "name", "Hamkke entrepreneur academy"),
                "credentialSubject", Map.of(
                        "activityStartDate", "2027-05-03T00:00:00Z",
                        "activityEndDate", "2027-05-28T00:00:00Z",
                        "identifier", List.of(Map.of("identityType", "name", "identityHash", "عائشہ صدیقی")),
                        "achievement", Map.of("name", "سماجی اور یکجہتی معیشت کی بنیادیں", "inLanguage", "ur")));
        var summary = VerifyPage.summary(credential);
        assertEquals("عائشہ صدیقی", summary.holder());
        assertEquals("سماجی اور یکجہتی معیشت کی بنیادیں", summary.course());
        assertEquals("Hamkke entrepreneur academy", summary.issuer());
        assertEquals(Instant.parse("2027-06-01T10:15:30Z"), summary.validFrom());
        assertEquals(LocalDate.of(2027, 5, 3), summary.activityStart());
        assertEquals(LocalDate.of(2027, 5, 28), summary.activityEnd());
        assertEquals("ur", summary.language());
        var odd = VerifyPage.summary(Map.of("validFrom", "yesterday", "credentialSubject", "not an object"));
        assertNull(odd.holder());
        assertNull(odd.validFrom());
        String pretty = VerifyPage.pretty(credential);
        assertEquals(true, pretty.contains("\"identityHash\": \"عائشہ صدیقی\""), pretty);
    }
}
