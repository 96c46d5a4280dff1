package io.kovan.kernel.api.product;

import java.math.BigDecimal;

/**
 * A product of the catalogue. {@code unit} is a unit-of-measure code, {@code currency} an ISO 4217
 * code, {@code vatRate} a percentage (20, 10, 1, 0). Money has the currency's scale.
 */
public record ProductDTO(Long id, String code, String name, ProductType type, String unit,
    BigDecimal salesPrice, String currency, BigDecimal standardCost, BigDecimal vatRate,
    String barcode, String category, Boolean active, Long version) {
}
