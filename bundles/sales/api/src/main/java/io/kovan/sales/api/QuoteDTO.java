package io.kovan.sales.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A sales quote, numbered {@code SQ-2026-000001}. A client sends {@code customerId}, {@code lines} and
 * optionally {@code currency} (default: the customer's, else the company's), {@code date} (today),
 * {@code validUntil} (date + {@code quote.validity.days}), {@code warehouseId}, {@code discountPercent}
 * (the document discount), {@code salesperson} (the caller), {@code opportunityId} and {@code notes}.
 * {@code exchangeRate} converts the quote's currency to the company currency on {@code date};
 * {@code subtotal} is after line discounts, {@code discountAmount} is the document discount,
 * {@code total} = {@code netTotal} + {@code vatTotal}. {@code orderId} is set once converted.
 */
public record QuoteDTO(Long id, String number, String state, Long customerId, String currency, BigDecimal exchangeRate, LocalDate date,
    LocalDate validUntil, Long warehouseId, BigDecimal discountPercent, String salesperson, Long opportunityId, String notes,
    List<QuoteLineDTO> lines, BigDecimal subtotal, BigDecimal discountAmount, BigDecimal netTotal, BigDecimal vatTotal, BigDecimal total,
    BigDecimal totalCost, BigDecimal totalMargin, BigDecimal marginPercent, LocalDate promisedDate, Long orderId, Long version,
    Instant createdAt) {
}
