package io.kovan.inventory.impl;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A min/max rule of KV_INV_REORDER_RULE. */
@Entity
@Table(name = "KV_INV_REORDER_RULE")
public class ReorderRuleEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "PRODUCT_ID")
    long productId;

    @Column(name = "WAREHOUSE_ID")
    long warehouseId;

    @Column(name = "MIN_QTY")
    BigDecimal minQuantity;

    @Column(name = "MAX_QTY")
    BigDecimal maxQuantity;

    @Version
    long version;
}
