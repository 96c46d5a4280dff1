package io.kovan.inventory.api;

import java.math.BigDecimal;

/** Keep a product's projected stock in a warehouse between {@code minQuantity} and {@code maxQuantity}. */
public record ReorderRuleDTO(Long id, Long productId, Long warehouseId, BigDecimal minQuantity, BigDecimal maxQuantity, Long version) {
}
