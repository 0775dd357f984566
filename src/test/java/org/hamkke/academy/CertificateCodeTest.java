package org.hamkke.academy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CertificateCodeTest {

    /** V17's check on certificate.code. */
    private static final Pattern STORED = Pattern.compile("^HK(-[0-9A-HJKMNP-TV-Z]{4}){4}$");

    @Test
    void newCodesAreWhatTheDatabaseAcceptsAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = CertificateCode.random();
            assertTrue(STORED.matcher(code).matches(), code);
            assertTrue(seen.add(code), "drawn twice: " + code);
            assertEquals(Optional.of(code), CertificateCode.parse(code), "a code reads back as itself");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"HK-7Q2M-9XFA-K3TD-WP8R", "hk-7q2m-9xfa-k3td-wp8r", " HK-7Q2M-9XFA-K3TD-WP8R ", "HK 7Q2M 9XFA K3TD WP8R",
        "HK7Q2M9XFAK3TDWP8R", "7Q2M-9XFA-K3TD-WP8R", "7q2m9xfak3tdwp8r", "HK\u00a07Q2M\u00a09XFA\u00a0K3TD\u00a0WP8R"})
    void aCodeIsReadHoweverItWasTyped(String typed) {
        assertEquals(Optional.of("HK-7Q2M-9XFA-K3TD-WP8R"), CertificateCode.parse(typed));
    }

    @Test
    void lettersReadAloudAsDigitsAreTakenAsTheDigits() {
        assertEquals(Optional.of("HK-1010-0000-1111-0000"), CertificateCode.parse("HK-I0L0-OOOO-iIlL-oooo"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "HK", "HK-7Q2M-9XFA-K3TD", "HK-7Q2M-9XFA-K3TD-WP8U", "XX-7Q2M-9XFA-K3TD-WP8R",
        "HK-7Q2M-9XFA-K3TD-WP8R0", "HK-7Q2M-9XFA-K3TD-WP8%", "HK-٧Q2M-9XFA-K3TD-WP8R", "<script>alert(1)</script>"})
    void anythingElseIsNoCode(String typed) {
        assertEquals(Optional.empty(), CertificateCode.parse(typed));
    }

    @Test
    void nothingTypedAndTooMuchTypedAreNoCode() {
        assertEquals(Optional.empty(), CertificateCode.parse(null));
        assertEquals(Optional.empty(), CertificateCode.parse("HK-7Q2M-9XFA-K3TD-WP8R" + " ".repeat(100)));
    }
}
