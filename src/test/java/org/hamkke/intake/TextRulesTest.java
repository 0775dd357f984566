package org.hamkke.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextRulesTest {

    @Test
    void everyLanguageAndLineBreaksAreStorable() {
        assertTrue(TextRules.storable("Coopérative des brodeuses"));
        assertTrue(TextRules.storable("تعاونية النساء\nسطر ثانٍ"));
        assertTrue(TextRules.storable("کوآپریٹو\r\n\tٹیب"));
        assertTrue(TextRules.storable("Emoji outside the BMP: 🧺"));
        assertTrue(TextRules.storable(null));
    }

    @Test
    void whatPostgresqlRefusesOrNobodyTypesIsNot() {
        assertFalse(TextRules.storable("before\u0000after"), "NUL: PostgreSQL refuses it in text and jsonb");
        assertFalse(TextRules.storable("bell\u0007"), "an invisible control character");
        assertFalse(TextRules.storable("half a pair \uD83E"), "a lone high surrogate");
        assertFalse(TextRules.storable("\uDDFA the other half"), "a lone low surrogate");
    }

    @Test
    void aProblemNamesItsMessage() {
        assertEquals(Optional.empty(), TextRules.problem("short", 10));
        assertEquals(Optional.of(TextRules.TOO_LONG), TextRules.problem("x".repeat(11), 10));
        assertEquals(Optional.of(TextRules.UNSTORABLE), TextRules.problem("x\u0000", 10), "The character first, whatever the length");
        assertEquals(Optional.of(TextRules.UNSTORABLE), TextRules.problem(List.of("fine", "bad\u0000"), 10));
        TextRules.Refused refused = assertThrows(TextRules.Refused.class, () -> TextRules.require("x".repeat(5), 4));
        assertEquals(TextRules.TOO_LONG, refused.key());
        assertEquals(4, refused.limit());
    }

    @Test
    void lengthCountsAsABrowsersMaxlengthDoes() {
        // maxlength counts UTF-16 code units: one emoji outside the BMP is two.
        assertEquals(Optional.empty(), TextRules.problem("🧺", 2));
        assertEquals(Optional.of(TextRules.TOO_LONG), TextRules.problem("🧺", 1));
    }
}
