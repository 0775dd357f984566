package org.hamkke.academy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckInCodeTest {

    @Test
    void theAlphabetHasThirtyCharactersAndNoLookAlikes() {
        assertEquals(30, CheckInCode.ALPHABET.length());
        assertEquals(30, CheckInCode.ALPHABET.chars().distinct().count());
        for (char lookAlike : "01OILU".toCharArray()) {
            assertTrue(CheckInCode.ALPHABET.indexOf(lookAlike) < 0, lookAlike + " is easily misread");
        }
        assertTrue(Math.pow(30, CheckInCode.LENGTH) > 700_000_000, "About 729 million codes");
    }

    /** The database draws the codes (V16): from the same alphabet, which its check also holds. */
    @Test
    void theMigrationDrawsFromTheSameAlphabet() throws Exception {
        String migration = Files.readString(Path.of("src/main/resources/db/migration/V16__academy_attendance.sql"));
        assertTrue(migration.contains("alphabet constant text := '" + CheckInCode.ALPHABET + "'"), "the drawing");
        assertTrue(migration.contains("'^[" + CheckInCode.ALPHABET + "]{" + CheckInCode.LENGTH + "}$'"), "the check");
    }

    @Test
    void whatPeopleTypeIsForgivenCaseSpacesAndDashes() {
        assertEquals(Optional.of("ABC234"), CheckInCode.normalise("ABC234"));
        assertEquals(Optional.of("ABC234"), CheckInCode.normalise("abc234"));
        assertEquals(Optional.of("ABC234"), CheckInCode.normalise(" abc 234 "));
        assertEquals(Optional.of("ABC234"), CheckInCode.normalise("ABC-234"));
        assertEquals(Optional.of("ABC234"), CheckInCode.normalise("ABC\u00a0234"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ABC23", "ABC2345", "ABC 23O", "0BC234", "1BC234", "IBC234", "LBC234", "UBC234", "AB%234", "ABC234'--",
        "ＡＢＣ２３４", "ABC 234 ABC 234 ABC 2"})
    void anythingElseIsNoCode(String typed) {
        assertEquals(Optional.empty(), CheckInCode.normalise(typed));
    }

    @Test
    void noCodeAtAll() {
        assertEquals(Optional.empty(), CheckInCode.normalise(null));
    }

    @Test
    void aCodeIsShownInTwoHalves() {
        assertEquals("ABC 234", CheckInCode.spaced("ABC234"));
    }
}
