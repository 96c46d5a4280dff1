package io.kovan.finance.api;

import java.math.BigDecimal;

/** A month of the cash flow: what came in, what went out, and the cash and bank balance at its end. */
public record CashFlowMonthDTO(int year, int month, BigDecimal inflow, BigDecimal outflow, BigDecimal closingCash) {
}
