package io.kovan.finance.api;

import java.math.BigDecimal;

/**
 * Money in ({@code inflow}) and out ({@code outflow}) of cash and bank in a period, by what it
 * was for: {@code CUSTOMERS} (collections and refunds), {@code SUPPLIERS}, {@code OTHER_OPERATING}
 * (expenses, taxes), {@code INVESTING} (fixed assets), {@code FINANCING} (loans, capital).
 */
public record CashFlowLineDTO(String category, BigDecimal inflow, BigDecimal outflow, BigDecimal net) {
}
