package io.kovan.finance.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A posting as a ledger or a statement shows it, with the running balance after it (debit positive). */
public record LedgerLineDTO(Long entryId, String entryNumber, LocalDate date, String accountCode, String description, String sourceType,
    Long sourceId, String reference, BigDecimal debit, BigDecimal credit, BigDecimal balance) {
}
