package io.kovan.inventory.api;

import java.math.BigDecimal;

/**
 * Goods to take out of a warehouse. {@code lotNumber} picks a lot or serial number (required for
 * tracked products); {@code locationId} picks where from (default: wherever the product lies,
 * fullest location first). When {@code reservationDocumentType}, {@code reservationDocumentId} and
 * {@code reservationLineId} name a reserved line, the issue consumes that reservation first and
 * takes any rest from unreserved stock.
 */
public record IssueLine(Long sourceLineId, Long productId, Long warehouseId, Long locationId, BigDecimal quantity, String lotNumber,
    String reservationDocumentType, Long reservationDocumentId, Long reservationLineId) {
}
