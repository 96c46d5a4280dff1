package io.kovan.inventory.api;

import java.math.BigDecimal;

/**
 * A stocked product as inventory keeps it: tracking and costing method (both settable while
 * nothing is on hand), and the valuation the ledger maintains: quantity on hand in every
 * warehouse, its value and the average unit cost, in the company currency.
 */
public record StockProductDTO(Long productId, String productCode, Tracking tracking, CostingMethod costing, BigDecimal onHand,
    BigDecimal value, BigDecimal averageCost, String currency, Long version) {
}
