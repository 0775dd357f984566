package org.hamkke.academy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The roster's CSV cells: quoted when they must be, and never read as a formula by a spreadsheet. */
class RosterPageTest {

    @Test
    void cellsAreQuotedWhenTheyMustBe() {
        assertEquals("Siti Rahayu", RosterPage.cell("Siti Rahayu"));
        assertEquals("\"Diallo, Marie\"", RosterPage.cell("Diallo, Marie"));
        assertEquals("\"She said \"\"yes\"\"\"", RosterPage.cell("She said \"yes\""));
        assertEquals("\"two\nlines\"", RosterPage.cell("two\nlines"));
        assertEquals("", RosterPage.cell(null));
    }

    @Test
    void aTextAFormulaWouldStartWithStaysText() {
        assertEquals("'=HYPERLINK(\"x\")", RosterPage.cell("=HYPERLINK(\"x\")").replace("\"\"", "\"").replaceAll("^\"|\"$", ""));
        assertEquals("'+1", RosterPage.cell("+1"));
        assertEquals("'-2", RosterPage.cell("-2"));
        assertEquals("'@SUM(A1)", RosterPage.cell("@SUM(A1)"));
    }
}
