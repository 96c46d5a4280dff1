package io.kovan.finance.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A bank (or cash) account against its statement on {@code date}: the books' balance, what of it is
 * reconciled, the statement's balance when given, and the {@code difference} between the
 * reconciled balance and the statement's, which is zero when everything the bank saw is matched.
 * {@code unreconciled} are the lines the statement has not matched yet.
 */
public record ReconciliationDTO(Long accountId, String accountCode, LocalDate date, String currency, BigDecimal bookBalance,
    BigDecimal reconciledBalance, BigDecimal statementBalance, BigDecimal difference, List<ReconciliationLineDTO> unreconciled) {
}
