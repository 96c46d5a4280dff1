package io.kovan.sales.impl;

import java.math.BigDecimal;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of KV_SALES_SHIPMENT_LINE; costs are in the company currency. */
@Entity
@Table(name = "KV_SALES_SHIPMENT_LINE")
public class ShipmentLineEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "SHIPMENT_ID")
    long shipmentId;

    @Column(name = "LINE_NO")
    int lineNo;

    @Column(name = "ORDER_ID")
    long orderId;

    @Column(name = "ORDER_NUMBER")
    String orderNumber;

    @Column(name = "ORDER_LINE_ID")
    long orderLineId;

    @Column(name = "PRODUCT_ID")
    long productId;

    @Column(name = "PRODUCT_CODE")
    String productCode;

    boolean stocked;

    BigDecimal quantity;

    @Column(name = "LOT_NUMBER")
    String lotNumber;

    @Column(name = "UNIT_COST")
    BigDecimal unitCost;

    @Column(name = "COST_AMOUNT")
    BigDecimal costAmount;

    @Column(name = "RETURNED_QTY")
    BigDecimal returnedQuantity;

    @Column(name = "PROMISED_DATE")
    LocalDate promisedDate;
}
