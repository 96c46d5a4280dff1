package io.kovan.sales.impl;

import java.math.BigDecimal;

/**
 * Decides whether confirming an order stays within the customer's credit limit, all amounts in the
 * company currency: exposure (open orders and receivables) plus this order against the limit.
 */
final class CreditCheck {

    private CreditCheck() {
    }

    /** {@code confirm} false means the order waits for approval, {@code reason} says why. */
    record Decision(boolean confirm, String reason) {
    }

    static Decision decide(BigDecimal creditLimit, BigDecimal exposure, BigDecimal orderTotal, boolean mayApprove, String currency) {
        if (creditLimit == null) {
            return new Decision(true, null);
        }
        BigDecimal after = exposure.add(orderTotal);
        if (after.compareTo(creditLimit) <= 0 || mayApprove) {
            return new Decision(true, null);
        }
        return new Decision(false, "Credit limit " + creditLimit.toPlainString() + " " + currency + " exceeded: exposure "
            + exposure.toPlainString() + " + this order " + orderTotal.toPlainString() + " = " + after.toPlainString() + " " + currency);
    }
}
