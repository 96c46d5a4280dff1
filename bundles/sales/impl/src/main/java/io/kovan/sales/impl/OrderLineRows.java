package io.kovan.sales.impl;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Order lines read as rows of values, for pages of orders: {@link #COLUMNS} in this order, and
 * {@link #line(Object[])} setting the fields by position. The lines are detached copies, only read.
 */
final class OrderLineRows {

    /** Every column of KV_SALES_ORDER_LINE, in the order {@link #line(Object[])} reads them. */
    static final String COLUMNS = "ID, ORDER_ID, LINE_NO, PRODUCT_ID, PRODUCT_CODE, STOCKED, DESCRIPTION, UNIT, QUANTITY, UNIT_PRICE, "
        + "DISCOUNT_PERCENT, VAT_RATE, LINE_AMOUNT, DOC_DISCOUNT, NET_AMOUNT, VAT_AMOUNT, TOTAL_AMOUNT, UNIT_COST, COST_AMOUNT, ATP, "
        + "PROMISED_DATE, RESERVED_QTY, DELIVERED_QTY, RETURNED_QTY, OPEN_QTY";

    private OrderLineRows() {
    }

    static OrderLineEntity line(Object[] r) {
        OrderLineEntity l = new OrderLineEntity();
        l.id = ((Number) r[0]).longValue();
        l.orderId = ((Number) r[1]).longValue();
        l.lineNo = ((Number) r[2]).intValue();
        l.productId = ((Number) r[3]).longValue();
        l.productCode = (String) r[4];
        // SMALLINT on Derby, BOOLEAN on PostgreSQL.
        l.stocked = r[5] instanceof Boolean b ? b : ((Number) r[5]).intValue() != 0;
        l.description = (String) r[6];
        l.unit = (String) r[7];
        l.quantity = (BigDecimal) r[8];
        l.unitPrice = (BigDecimal) r[9];
        l.discountPercent = (BigDecimal) r[10];
        l.vatRate = (BigDecimal) r[11];
        l.lineAmount = (BigDecimal) r[12];
        l.documentDiscount = (BigDecimal) r[13];
        l.netAmount = (BigDecimal) r[14];
        l.vatAmount = (BigDecimal) r[15];
        l.totalAmount = (BigDecimal) r[16];
        l.unitCost = (BigDecimal) r[17];
        l.costAmount = (BigDecimal) r[18];
        l.availableToPromise = (BigDecimal) r[19];
        l.promisedDate = date(r[20]);
        l.reservedQuantity = (BigDecimal) r[21];
        l.deliveredQuantity = (BigDecimal) r[22];
        l.returnedQuantity = (BigDecimal) r[23];
        l.openQuantity = (BigDecimal) r[24];
        return l;
    }

    private static LocalDate date(Object value) {
        if (value == null || value instanceof LocalDate) {
            return (LocalDate) value;
        }
        return ((java.sql.Date) value).toLocalDate();
    }
}
