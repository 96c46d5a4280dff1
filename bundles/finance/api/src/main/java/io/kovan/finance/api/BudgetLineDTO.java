package io.kovan.finance.api;

import java.math.BigDecimal;

/**
 * Budget against actual for an account (and cost centre) and month: {@code actual} is the posted
 * debits less credits (an expense's use), {@code variance} = budget − actual (negative: over),
 * {@code usedPercent} = actual / budget.
 */
public record BudgetLineDTO(Long accountId, String accountCode, String accountName, String costCentre, int year, int month, BigDecimal budget,
    BigDecimal actual, BigDecimal variance, BigDecimal usedPercent) {
}
