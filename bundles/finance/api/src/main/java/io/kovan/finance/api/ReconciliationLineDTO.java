package io.kovan.finance.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A posted line of a cash or bank account: {@code amount} is money in (positive) or out; {@code reconciledOn} the statement day that matched it. */
public record ReconciliationLineDTO(Long lineId, Long entryId, String entryNumber, LocalDate date, String description, BigDecimal amount,
    LocalDate reconciledOn, String statementRef) {
}
