package org.hamkke.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalizedTextTest {

    @Test
    void readerLanguageThenEnglishThenAnyOther() {
        LocalizedText text = LocalizedText.of(Map.of("en", "Open calls", "fr", "Appels ouverts"));
        assertEquals("Appels ouverts", text.in("fr"));
        assertEquals("Open calls", text.in("ur"));
        assertEquals("Panggilan", LocalizedText.of(Map.of("id", "Panggilan")).in("ar"));
        assertEquals("", LocalizedText.of(Map.of()).in("en"));
    }

    @Test
    void blankTranslationsDoNotCountAsGiven() {
        LocalizedText text = LocalizedText.of(Map.of("en", "Title", "ar", "  "));
        assertFalse(text.has("ar"));
        assertTrue(text.has("en"));
        assertEquals("Title", text.in("ar"));
    }

    @Test
    void survivesTheJsonbColumnRoundTrip() {
        var converter = new LocalizedTextConverter();
        LocalizedText text = LocalizedText.of(Map.of("en", "Quote \" and \\ slash", "ur", "کوآپریٹو"));
        Object column = converter.convertToDatabaseColumn(text);
        assertEquals(text, converter.convertToEntityAttribute(column));
    }
}
