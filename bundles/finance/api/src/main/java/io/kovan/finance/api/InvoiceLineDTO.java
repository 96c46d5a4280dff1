package io.kovan.finance.api;

import java.math.BigDecimal;

/**
 * A line of an invoice. {@code netAmount} = quantity × unit price less the line discount, at the
 * currency's decimals; {@code vatAmount} = net × rate. A client sends {@code productId} and/or
 * {@code description}, {@code quantity}, {@code unitPrice} (default: the product's price) and
 * optionally {@code discountPercent}, {@code vatRate} (default: the product's), and on supplier
 * invoices {@code accountId} (an expense account instead of the product's stock account). Lines
 * made from sales documents carry {@code sourceType} ({@code sales.shipment}, {@code sales.return})
 * with {@code sourceId} and {@code sourceLineId}: a shipment line is invoiced once at most.
 */
public record InvoiceLineDTO(Long id, Integer lineNo, Long productId, String productCode, String description, String unit, BigDecimal quantity,
    BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal netAmount, BigDecimal vatRate, BigDecimal vatAmount, BigDecimal totalAmount,
    Long accountId, String sourceType, Long sourceId, Long sourceLineId) {

    public static InvoiceLineDTO of(Long productId, String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal vatRate) {
        return new InvoiceLineDTO(null, null, productId, null, description, null, quantity, unitPrice, null, null, vatRate, null, null, null, null,
            null, null);
    }
}
