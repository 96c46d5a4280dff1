package io.kovan.finance.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Part of a payment settling an invoice, in their (common) currency. A client sends {@code invoiceId} and {@code amount}. */
public record AllocationDTO(Long id, Long paymentId, Long invoiceId, String invoiceNumber, BigDecimal amount, LocalDate date) {
}
