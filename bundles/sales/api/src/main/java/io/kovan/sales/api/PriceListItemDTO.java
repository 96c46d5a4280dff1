package io.kovan.sales.api;

import java.math.BigDecimal;

/** A product's unit price on a price list from {@code minQuantity} (a quantity break; 0 or more) on. */
public record PriceListItemDTO(Long productId, BigDecimal minQuantity, BigDecimal price) {
}
