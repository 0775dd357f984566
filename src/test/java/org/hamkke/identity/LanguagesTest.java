package org.hamkke.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void choiceBeatsCookieBeatsProfileBeatsBrowser() {
        List<Locale> browser = List.of(Locale.FRENCH);
        assertEquals("ar", Languages.resolve("ar", "id", "ur", browser));
        assertEquals("id", Languages.resolve(null, "id", "ur", browser));
        assertEquals("ur", Languages.resolve(null, null, "ur", browser));
        assertEquals("fr", Languages.resolve(null, null, null, browser));
    }

    @Test
    void unsupportedOrGarbageFallsThroughToEnglish() {
        assertEquals("en", Languages.resolve("xx", "\u0000", "de", List.of(Locale.GERMAN, Locale.JAPANESE)));
        assertEquals("en", Languages.resolve(null, null, null, List.of()));
    }

    @Test
    void regionalTagsAndJavasOldIndonesianCodeAreUnderstood() {
        assertEquals("fr", Languages.resolve("fr-CA", null, null, List.of()));
        assertEquals("id", Languages.resolve(null, null, null, List.of(Locale.of("in", "ID"))));
        assertEquals("ar", Languages.supportedOrNull("ar_EG"));
        assertNull(Languages.supportedOrNull("ara"));
    }

    @Test
    void arabicAndUrduAreRightToLeft() {
        assertTrue(Languages.isRightToLeft("ar"));
        assertTrue(Languages.isRightToLeft("ur"));
        assertFalse(Languages.isRightToLeft("fr"));
        assertFalse(Languages.isRightToLeft("id"));
        assertFalse(Languages.isRightToLeft("en"));
    }
}
