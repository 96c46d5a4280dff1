package io.kovan.sales.impl;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of KV_SALES_SHIPMENT_MOVE: one inventory issue move of a shipment line, and how much of it came back. */
@Entity
@Table(name = "KV_SALES_SHIPMENT_MOVE")
public class ShipmentMoveEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "SHIPMENT_LINE_ID")
    long shipmentLineId;

    @Column(name = "MOVE_ID")
    long moveId;

    BigDecimal quantity;

    @Column(name = "RETURNED_QTY")
    BigDecimal returnedQuantity;
}
