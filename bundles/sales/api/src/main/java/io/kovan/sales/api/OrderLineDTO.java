package io.kovan.sales.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An order line: as a quote line, plus what happened to it. {@code reservedQuantity} is the stock
 * its reservation still holds (read from inventory when installed), {@code deliveredQuantity} was
 * shipped, {@code returnedQuantity} came back (net delivered = delivered − returned),
 * {@code backorderQuantity} is open and unreserved on a confirmed order, {@code openQuantity} =
 * quantity − delivered.
 */
public record OrderLineDTO(Long id, Integer lineNo, Long productId, String productCode, String description, String unit, BigDecimal quantity,
    BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal netAmount, BigDecimal vatRate, BigDecimal vatAmount, BigDecimal totalAmount,
    BigDecimal availableToPromise, LocalDate promisedDate, BigDecimal unitCost, BigDecimal margin, BigDecimal marginPercent,
    BigDecimal reservedQuantity, BigDecimal deliveredQuantity, BigDecimal returnedQuantity, BigDecimal backorderQuantity,
    BigDecimal openQuantity) {

    /** A line as a client sends it. */
    public static OrderLineDTO of(Long productId, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal vatRate,
        String description) {
        return new OrderLineDTO(null, null, productId, null, description, null, quantity, unitPrice, discountPercent, null, vatRate, null, null,
            null, null, null, null, null, null, null, null, null, null);
    }
}
