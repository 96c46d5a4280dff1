package io.kovan.sales.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A quote line. A client sends {@code productId}, {@code quantity} and optionally {@code unitPrice}
 * (else the price list's or the product's price), {@code discountPercent}, {@code vatRate} (else the
 * product's; 0, 1, 10 or 20) and {@code description}; the rest is computed. Amounts are in the
 * quote's currency; {@code netAmount} is after the line and the document discount.
 * {@code availableToPromise} and {@code promisedDate} are as of the last save; the first is null
 * without inventory. {@code unitCost} is in the quote's currency.
 */
public record QuoteLineDTO(Long id, Integer lineNo, Long productId, String productCode, String description, String unit, BigDecimal quantity,
    BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal netAmount, BigDecimal vatRate, BigDecimal vatAmount, BigDecimal totalAmount,
    BigDecimal availableToPromise, LocalDate promisedDate, BigDecimal unitCost, BigDecimal margin, BigDecimal marginPercent) {

    /** A line as a client sends it. */
    public static QuoteLineDTO of(Long productId, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal vatRate,
        String description) {
        return new QuoteLineDTO(null, null, productId, null, description, null, quantity, unitPrice, discountPercent, null, vatRate, null, null,
            null, null, null, null, null);
    }
}
