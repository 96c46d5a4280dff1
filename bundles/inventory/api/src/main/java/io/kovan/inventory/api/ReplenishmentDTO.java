package io.kovan.inventory.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A reorder rule whose projected stock ({@code onHand − reserved + expectedSupply − expectedDemand})
 * fell below its minimum: order {@code suggestedQuantity} (up to the maximum) by {@code orderBy},
 * today, and it arrives after the product's lead time on {@code expectedArrival}.
 */
public record ReplenishmentDTO(Long ruleId, Long productId, String productCode, Long warehouseId, String warehouseCode, BigDecimal onHand,
    BigDecimal reserved, BigDecimal expectedSupply, BigDecimal expectedDemand, BigDecimal projected, BigDecimal minQuantity,
    BigDecimal maxQuantity, BigDecimal suggestedQuantity, int leadTimeDays, LocalDate orderBy, LocalDate expectedArrival) {
}
