package io.kovan.sales.impl;

import java.math.BigDecimal;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.MappedSuperclass;

/** The columns quote and order lines share: the product, its price and the amounts worked out from it. */
@MappedSuperclass
public abstract class PricedLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "LINE_NO")
    int lineNo;

    @Column(name = "PRODUCT_ID")
    long productId;

    @Column(name = "PRODUCT_CODE")
    String productCode;

    /** A STOCKED product: reserved, issued and promised by inventory. */
    boolean stocked;

    String description;

    String unit;

    BigDecimal quantity;

    @Column(name = "UNIT_PRICE")
    BigDecimal unitPrice;

    @Column(name = "DISCOUNT_PERCENT")
    BigDecimal discountPercent;

    @Column(name = "VAT_RATE")
    BigDecimal vatRate;

    /** After the line discount, before the document discount. */
    @Column(name = "LINE_AMOUNT")
    BigDecimal lineAmount;

    @Column(name = "DOC_DISCOUNT")
    BigDecimal documentDiscount;

    @Column(name = "NET_AMOUNT")
    BigDecimal netAmount;

    @Column(name = "VAT_AMOUNT")
    BigDecimal vatAmount;

    @Column(name = "TOTAL_AMOUNT")
    BigDecimal totalAmount;

    /** In the document currency. */
    @Column(name = "UNIT_COST")
    BigDecimal unitCost;

    @Column(name = "COST_AMOUNT")
    BigDecimal costAmount;

    @Column(name = "ATP")
    BigDecimal availableToPromise;

    @Column(name = "PROMISED_DATE")
    LocalDate promisedDate;
}
