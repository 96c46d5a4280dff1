package io.kovan.inventory.impl;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of KV_INV_RESERVATION. Its quantities change only together with the warehouse stock row, in one transaction. */
@Entity
@Table(name = "KV_INV_RESERVATION")
public class ReservationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "PRODUCT_ID")
    long productId;

    @Column(name = "WAREHOUSE_ID")
    long warehouseId;

    BigDecimal quantity;
    BigDecimal consumed;
    BigDecimal released;

    @Column(name = "DOCUMENT_TYPE")
    String documentType;

    @Column(name = "DOCUMENT_ID")
    long documentId;

    @Column(name = "LINE_ID")
    long lineId;

    String state;

    @Column(name = "CREATED_AT")
    LocalDateTime createdAt;
}
