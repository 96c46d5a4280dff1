package io.kovan.inventory.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A product with stock on hand that has not been issued for at least the asked number of days ({@code lastIssued} null: never). */
public record SlowMoverDTO(Long productId, String productCode, String category, BigDecimal onHand, BigDecimal value, LocalDate lastIssued,
    Long daysSinceLastIssue) {
}
