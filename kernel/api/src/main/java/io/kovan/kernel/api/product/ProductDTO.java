package io.kovan.kernel.api.product;

import java.math.BigDecimal;

/**
 * A product of the catalogue. {@code unit} is a unit-of-measure code, {@code currency} an ISO 4217
 * code, {@code vatRate} a percentage (20, 10, 1, 0). Money has the currency's scale.
 * {@code leadTimeDays} is how long the product takes to obtain (from the supplier, or to make):
 * sales promises that date when nothing is on hand or expected. Null means 0.
 */
public record ProductDTO(Long id, String code, String name, ProductType type, String unit,
    BigDecimal salesPrice, String currency, BigDecimal standardCost, BigDecimal vatRate,
    String barcode, String category, Boolean active, Long version, Integer leadTimeDays) {

    /** The 1.0 form, without a lead time. */
    public ProductDTO(Long id, String code, String name, ProductType type, String unit, BigDecimal salesPrice, String currency,
        BigDecimal standardCost, BigDecimal vatRate, String barcode, String category, Boolean active, Long version) {
        this(id, code, name, type, unit, salesPrice, currency, standardCost, vatRate, barcode, category, active, version, null);
    }

    /** The lead time in days, 0 when none is set. */
    public int leadTime() {
        return leadTimeDays == null ? 0 : leadTimeDays;
    }
}
