package io.kovan.sales.impl;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of KV_SALES_PRICE_ITEM. */
@Entity
@Table(name = "KV_SALES_PRICE_ITEM")
public class PriceListItemEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "PRICE_LIST_ID")
    long priceListId;

    @Column(name = "PRODUCT_ID")
    long productId;

    @Column(name = "MIN_QTY")
    BigDecimal minQuantity;

    BigDecimal price;
}
