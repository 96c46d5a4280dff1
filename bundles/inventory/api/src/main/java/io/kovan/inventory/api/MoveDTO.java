package io.kovan.inventory.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of the append-only stock ledger. {@code quantity} is always positive: goods leave
 * {@code fromLocationId} (null for receipts and gains) and arrive at {@code toLocationId} (null
 * for issues and losses). {@code unitCost} and {@code totalCost} are in the company currency;
 * an issue carries the cost of the goods it took. {@code returnOfMoveId} names the issue a
 * return reverses. The source fields name the business document that caused the move.
 */
public record MoveDTO(Long id, MoveType type, Long productId, String productCode, BigDecimal quantity, Long fromLocationId, Long toLocationId,
    Long lotId, String lotNumber, BigDecimal unitCost, BigDecimal totalCost, String currency, LocalDate date, String sourceType, Long sourceId,
    Long sourceLineId, String reference, Long returnOfMoveId, Instant createdAt, String createdBy) {
}
