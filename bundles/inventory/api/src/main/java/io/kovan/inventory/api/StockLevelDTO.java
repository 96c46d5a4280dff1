package io.kovan.inventory.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Stock of one product at one place. Grouped by warehouse, {@code locationId} and the lot fields
 * are null; by location, the lot fields are null; by lot, every field is set. {@code reserved}
 * and {@code available} are kept per warehouse and are null below it. {@code value} is on-hand at
 * the product's current unit cost.
 */
public record StockLevelDTO(Long productId, String productCode, Long warehouseId, String warehouseCode, Long locationId, String locationPath,
    Long lotId, String lotNumber, LocalDate expiryDate, BigDecimal onHand, BigDecimal reserved, BigDecimal available, BigDecimal unitCost,
    BigDecimal value, String currency) {
}
