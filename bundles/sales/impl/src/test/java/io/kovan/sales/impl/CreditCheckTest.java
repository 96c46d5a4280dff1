package io.kovan.sales.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class CreditCheckTest {

    private static CreditCheck.Decision decide(String limit, String exposure, String order, boolean mayApprove) {
        return CreditCheck.decide(limit == null ? null : new BigDecimal(limit), new BigDecimal(exposure), new BigDecimal(order), mayApprove, "TRY");
    }

    @Test
    void noLimitAlwaysConfirms() {
        assertTrue(decide(null, "1000000.00", "1.00", false).confirm());
    }

    @Test
    void upToTheLimitConfirms() {
        CreditCheck.Decision d = decide("10000.00", "7000.00", "3000.00", false);
        assertTrue(d.confirm());
        assertNull(d.reason());
    }

    @Test
    void overTheLimitWaitsForApproval() {
        CreditCheck.Decision d = decide("10000.00", "7000.00", "3000.01", false);
        assertFalse(d.confirm());
        assertEquals("Credit limit 10000.00 TRY exceeded: exposure 7000.00 + this order 3000.01 = 10000.01 TRY", d.reason());
    }

    @Test
    void anApproverConfirmsOverTheLimit() {
        assertTrue(decide("10000.00", "9000.00", "5000.00", true).confirm());
    }

    @Test
    void aZeroLimitHoldsEveryOrder() {
        assertFalse(decide("0", "0.00", "0.01", false).confirm());
    }
}
