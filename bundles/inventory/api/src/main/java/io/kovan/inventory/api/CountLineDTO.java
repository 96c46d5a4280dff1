package io.kovan.inventory.api;

import java.math.BigDecimal;

/**
 * A counted product (and lot) in the count's location. {@code systemQuantity} is what the ledger
 * held when the count was posted and {@code difference} what the count move posted.
 */
public record CountLineDTO(Long id, Long productId, String lotNumber, BigDecimal countedQuantity, BigDecimal systemQuantity,
    BigDecimal difference) {
}
