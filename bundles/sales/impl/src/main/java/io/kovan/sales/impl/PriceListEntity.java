package io.kovan.sales.impl;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A row of KV_SALES_PRICE_LIST; its items are rows of KV_SALES_PRICE_ITEM. */
@Entity
@Table(name = "KV_SALES_PRICE_LIST")
public class PriceListEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String code;

    String name;

    String currency;

    @Column(name = "CUSTOMER_GROUP")
    String customerGroup;

    @Column(name = "VALID_FROM")
    LocalDate validFrom;

    @Column(name = "VALID_TO")
    LocalDate validTo;

    @Version
    long version;
}
