package org.hamkke.academy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The database's refusal of a booking is recognised however it is wrapped, and told like the rule's. */
class ClashesTest {

    @Test
    void theExclusionViolationIsFoundInsideItsWrappers() {
        SQLException exclusion = new SQLException("conflicting key value violates exclusion constraint", "23P01");
        assertTrue(Clashes.refusedByDatabase(new RuntimeException(new PersistenceException(exclusion))));
        SQLException batch = new SQLException("batch failed", "08000");
        batch.setNextException(exclusion);
        assertTrue(Clashes.refusedByDatabase(new PersistenceException(batch)));
        assertTrue(Clashes.refusedByDatabase(new PersistenceException("ERROR: ... violates exclusion constraint \"session_room_clash\"")));
        assertFalse(Clashes.refusedByDatabase(new PersistenceException(new SQLException("deadlock", "40P01"))));
        assertFalse(Clashes.refusedByDatabase(new IllegalStateException("no")));
    }

    @Test
    void aRefusalBecomesTheRulesMessageAndOtherFailuresPassThrough() {
        SessionClash clash = assertThrows(SessionClash.class, () -> Clashes.translated(() -> {
            throw new PersistenceException(new SQLException("exclusion", "23P01"));
        }, Optional::empty));
        assertTrue(clash.other() == null && clash.key().equals("academy.session.clash"));
        IllegalStateException other = new IllegalStateException("down");
        assertSame(other, assertThrows(IllegalStateException.class, () -> Clashes.translated(() -> {
            throw other;
        }, Optional::empty)));
        SessionClash fromTheRule = new SessionClash(null);
        assertSame(fromTheRule, assertThrows(SessionClash.class, () -> Clashes.translated(() -> {
            throw fromTheRule;
        }, () -> {
            throw new AssertionError("not asked: the rule already named the session");
        })));
    }
}
