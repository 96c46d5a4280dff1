package io.kovan.crm.impl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

import javax.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

class AutomationEngineTest {

    @Test
    void aLockTimeoutOrDeadlockDeepInTheCauseIsWorthAnotherRun() {
        assertTrue(AutomationEngine.concurrentClash(new PersistenceException(new RuntimeException(new SQLException("lock timeout", "40XL1")))));
        assertTrue(AutomationEngine.concurrentClash(new PersistenceException(new SQLException("deadlock", "40001"))));
        assertTrue(AutomationEngine.concurrentClash(new SQLException("deadlock detected", "40P01")));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(AutomationEngine.concurrentClash(new PersistenceException(new SQLIntegrityConstraintViolationException("duplicate", "23505"))));
        assertFalse(AutomationEngine.concurrentClash(new IllegalArgumentException("unknown campaign")));
    }
}
