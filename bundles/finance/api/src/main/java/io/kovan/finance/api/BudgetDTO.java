package io.kovan.finance.api;

import java.math.BigDecimal;

/**
 * A month's budget of an account, or of one cost centre on it ({@code costCentre} null: the whole
 * account). A client sends {@code accountId} or {@code accountCode}, {@code year}, {@code month},
 * {@code amount}, optionally {@code costCentre}; saving the same account, cost centre and month
 * again replaces the amount ({@code version} then must match).
 */
public record BudgetDTO(Long id, Long accountId, String accountCode, String costCentre, Integer year, Integer month, BigDecimal amount, Long version) {
}
