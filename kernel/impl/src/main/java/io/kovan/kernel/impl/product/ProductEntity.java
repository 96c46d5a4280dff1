package io.kovan.kernel.impl.product;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import io.kovan.kernel.api.product.ProductType;

/** A product row of the catalogue. */
@Entity
@Table(name = "KV_PRODUCT")
public class ProductEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String code;
    String name;

    @Column(name = "SEARCH_NAME")
    String searchName;

    @Enumerated(EnumType.STRING)
    @Column(name = "PRODUCT_TYPE")
    ProductType type;

    String unit;

    @Column(name = "SALES_PRICE")
    BigDecimal salesPrice;

    String currency;

    @Column(name = "STANDARD_COST")
    BigDecimal standardCost;

    @Column(name = "VAT_RATE")
    BigDecimal vatRate;

    String barcode;
    String category;
    boolean active;

    @Column(name = "LEAD_TIME_DAYS")
    int leadTimeDays;

    @Version
    long version;
}
