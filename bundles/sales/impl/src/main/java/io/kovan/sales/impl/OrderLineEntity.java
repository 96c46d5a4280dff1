package io.kovan.sales.impl;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

/**
 * A row of KV_SALES_ORDER_LINE. {@code reservedQuantity} is what sales last knew its reservation to
 * hold; with inventory installed the reservation itself is read instead.
 */
@Entity
@Table(name = "KV_SALES_ORDER_LINE")
public class OrderLineEntity extends PricedLine {

    @Column(name = "ORDER_ID")
    long orderId;

    @Column(name = "RESERVED_QTY")
    BigDecimal reservedQuantity;

    @Column(name = "DELIVERED_QTY")
    BigDecimal deliveredQuantity;

    @Column(name = "RETURNED_QTY")
    BigDecimal returnedQuantity;

    /**
     * What the order still has to deliver of this stocked line while it is confirmed; zero otherwise.
     * Kept by {@link OrderServiceImpl#trackOpen} at every change of the order's state or the line's
     * delivered quantity, so that a product's open demand is an index range, not its history.
     */
    @Column(name = "OPEN_QTY")
    BigDecimal openQuantity;
}
