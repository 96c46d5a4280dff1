package io.kovan.sales.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A sales order, numbered {@code SO-2026-000001}: the body of a quote plus {@code requestedDate}.
 * {@code quoteId} names the quote it was converted from; {@code approvalReason} says why confirming
 * it waits for approval (the credit check).
 */
public record OrderDTO(Long id, String number, String state, Long customerId, String currency, BigDecimal exchangeRate, LocalDate date,
    LocalDate requestedDate, Long warehouseId, BigDecimal discountPercent, String salesperson, Long opportunityId, Long quoteId, String notes,
    String approvalReason, List<OrderLineDTO> lines, BigDecimal subtotal, BigDecimal discountAmount, BigDecimal netTotal, BigDecimal vatTotal,
    BigDecimal total, BigDecimal totalCost, BigDecimal totalMargin, BigDecimal marginPercent, LocalDate promisedDate, Long version,
    Instant createdAt) {
}
