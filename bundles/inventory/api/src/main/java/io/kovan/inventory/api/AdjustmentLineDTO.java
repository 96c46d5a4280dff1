package io.kovan.inventory.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A correction of one product's stock at the adjustment's location: {@code quantity} above zero
 * is found (at {@code unitCost}, or the current cost), below zero is lost (scrap, breakage) at
 * the current cost. Lot-tracked products name the lot.
 */
public record AdjustmentLineDTO(Long id, Long productId, BigDecimal quantity, BigDecimal unitCost, String lotNumber, LocalDate expiryDate) {
}
