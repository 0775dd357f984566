package org.hamkke.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The bundle's grammar: MessageFormat where a text has placeholders, the text as written where it has none. */
class PageMessagesTest {

    private static final Locale FRENCH = Locale.FRENCH;

    @Test
    void aTextWithPlaceholdersIsAMessageFormatPattern() {
        assertEquals("L'évaluation de Ana est de nouveau modifiable.",
                PageMessages.format(FRENCH, "L''évaluation de {0} est de nouveau modifiable.", "Ana"));
        assertEquals("Page 2 sur 7", PageMessages.format(FRENCH, "Page {0} sur {1}", "2", "7"));
    }

    @Test
    void aTextWithoutPlaceholdersIsShownAsWritten() {
        // A key known only at run time (a problem's message) may have none: its apostrophes are single.
        assertEquals("Veuillez indiquer le nom de l'entreprise ou du groupe.",
                PageMessages.format(FRENCH, "Veuillez indiquer le nom de l'entreprise ou du groupe.", "10"));
        assertEquals(null, PageMessages.format(FRENCH, null, "x"));
    }

    @Test
    void aMissingValueIsLeftEmptyAndValuesAreNotFormattedAgain() {
        assertEquals("Brouillon enregistré à .", PageMessages.format(FRENCH, "Brouillon enregistré à {0}.", (Object) null));
        assertEquals("Brouillon enregistré à .", PageMessages.format(FRENCH, "Brouillon enregistré à {0}.", (Object[]) null));
        // Numbers reach it already written in the reader's digits (Language.formatNumber): kept as they are.
        assertEquals("١٢٣٤ ملفات", PageMessages.format(Locale.forLanguageTag("ar"), "{0} ملفات", "١٢٣٤"));
    }

    @Test
    void aPlaceholderLeftForTheScriptStaysAPlaceholder() {
        // apply.js fills the upload's percentage itself: the page hands it the text with {0} in place.
        assertEquals("Envoi du fichier : {0} %", PageMessages.format(FRENCH, "Envoi du fichier : {0} %", "{0}"));
    }
}
