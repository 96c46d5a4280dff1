package io.kovan.finance.impl;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A line of an invoice, a row of KV_FIN_INVOICE_LINE. */
@Entity
@Table(name = "KV_FIN_INVOICE_LINE")
public class InvoiceLineEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "INVOICE_ID")
    long invoiceId;

    @Column(name = "LINE_NO")
    int lineNo;

    @Column(name = "PRODUCT_ID")
    Long productId;

    @Column(name = "PRODUCT_CODE")
    String productCode;

    String category;

    String description;

    String unit;

    BigDecimal quantity;

    @Column(name = "UNIT_PRICE")
    BigDecimal unitPrice;

    @Column(name = "DISCOUNT_PERCENT")
    BigDecimal discountPercent;

    @Column(name = "NET_AMOUNT")
    BigDecimal netAmount;

    @Column(name = "VAT_RATE")
    BigDecimal vatRate;

    @Column(name = "VAT_AMOUNT")
    BigDecimal vatAmount;

    @Column(name = "TOTAL_AMOUNT")
    BigDecimal totalAmount;

    @Column(name = "ACCOUNT_ID")
    Long accountId;

    @Column(name = "SOURCE_TYPE")
    String sourceType;

    @Column(name = "SOURCE_ID")
    Long sourceId;

    @Column(name = "SOURCE_LINE_ID")
    Long sourceLineId;
}
