package io.kovan.inventory.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of the ledger KV_INV_MOVE: inserted, never updated. */
@Entity
@Table(name = "KV_INV_MOVE")
public class MoveEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "MOVE_TYPE")
    String type;

    @Column(name = "PRODUCT_ID")
    long productId;

    BigDecimal quantity;

    @Column(name = "FROM_LOCATION_ID")
    Long fromLocationId;

    @Column(name = "TO_LOCATION_ID")
    Long toLocationId;

    @Column(name = "FROM_WAREHOUSE_ID")
    Long fromWarehouseId;

    @Column(name = "TO_WAREHOUSE_ID")
    Long toWarehouseId;

    @Column(name = "LOT_ID")
    Long lotId;

    @Column(name = "UNIT_COST")
    BigDecimal unitCost;

    @Column(name = "TOTAL_COST")
    BigDecimal totalCost;

    @Column(name = "MOVE_DATE")
    LocalDate date;

    @Column(name = "SOURCE_TYPE")
    String sourceType;

    @Column(name = "SOURCE_ID")
    Long sourceId;

    @Column(name = "SOURCE_LINE_ID")
    Long sourceLineId;

    String reference;

    @Column(name = "RETURN_OF_ID")
    Long returnOfId;

    @Column(name = "CREATED_AT")
    LocalDateTime createdAt;

    @Column(name = "CREATED_BY")
    String createdBy;
}
