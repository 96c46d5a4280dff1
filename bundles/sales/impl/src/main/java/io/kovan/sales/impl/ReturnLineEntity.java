package io.kovan.sales.impl;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of KV_SALES_RETURN_LINE; {@code moveIds} are inventory's return moves, comma-separated. */
@Entity
@Table(name = "KV_SALES_RETURN_LINE")
public class ReturnLineEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "RETURN_ID")
    long returnId;

    @Column(name = "LINE_NO")
    int lineNo;

    @Column(name = "SHIPMENT_LINE_ID")
    long shipmentLineId;

    @Column(name = "ORDER_LINE_ID")
    long orderLineId;

    @Column(name = "PRODUCT_ID")
    long productId;

    @Column(name = "PRODUCT_CODE")
    String productCode;

    BigDecimal quantity;

    @Column(name = "UNIT_COST")
    BigDecimal unitCost;

    @Column(name = "COST_AMOUNT")
    BigDecimal costAmount;

    @Column(name = "MOVE_IDS")
    String moveIds;
}
