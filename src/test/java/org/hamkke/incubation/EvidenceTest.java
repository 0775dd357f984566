package org.hamkke.incubation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.hamkke.shared.Problem;
import org.hamkke.shared.Refused;
import org.junit.jupiter.api.Test;

/** Evidence as members type it: a text and web links, one per line. */
class EvidenceTest {

    @Test
    void textAndLinksAreKeptStrippedWithoutBlanksOrRepeats() {
        Evidence e = Evidence.of("  We sold 12 shirts  ", "https://example.org/a\n\n  HTTPS://example.org/b  \r\nhttps://example.org/a\nhttp://shop.example/x?y=1#z");
        assertEquals("We sold 12 shirts", e.text());
        assertEquals(List.of("https://example.org/a", "https://example.org/b", "http://shop.example/x?y=1#z"), e.links());
        assertNull(Evidence.of(null, "https://example.org").text());
    }

    @Test
    void onlyWebAddressesAreLinks() {
        for (String bad : List.of("javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "ftp://example.org", "example.org",
                "https://", "https://user:pw@example.org", "https://exa mple.org", "https:example.org", "//example.org", "https://example.org/\u0000")) {
            Refused refused = assertThrows(Refused.class, () -> Evidence.of("text", bad), bad);
            assertEquals("milestone.evidence.notALink", refused.key(), bad);
        }
    }

    @Test
    void limitsAndEmptinessAreRefused() {
        assertEquals(List.of(new Problem("text", "milestone.evidence.empty")), assertThrows(Refused.class, () -> Evidence.of("  ", "\n ")).problems());
        String six = String.join("\n", List.of("https://a.org", "https://b.org", "https://c.org", "https://d.org", "https://e.org", "https://f.org"));
        assertEquals("milestone.evidence.tooManyLinks", assertThrows(Refused.class, () -> Evidence.of(null, six)).key());
        assertEquals("milestone.evidence.linkTooLong", assertThrows(Refused.class, () -> Evidence.of(null, "https://a.org/" + "x".repeat(500))).key());
        assertEquals("text.tooLong", assertThrows(Refused.class, () -> Evidence.of("x".repeat(5001), null)).key());
    }
}
