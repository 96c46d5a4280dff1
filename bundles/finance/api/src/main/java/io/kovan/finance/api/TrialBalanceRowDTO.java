package io.kovan.finance.api;

import java.math.BigDecimal;

/** An account's line of the trial balance: balance before the period, the period's debits and credits, balance after (debit positive). */
public record TrialBalanceRowDTO(Long accountId, String accountCode, String accountName, AccountType type, BigDecimal openingBalance,
    BigDecimal debit, BigDecimal credit, BigDecimal closingBalance) {
}
