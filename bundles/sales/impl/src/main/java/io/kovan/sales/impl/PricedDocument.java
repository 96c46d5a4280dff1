package io.kovan.sales.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.MappedSuperclass;
import javax.persistence.Version;

/** The columns quotes and orders share: customer, currency, discount and the totals of their lines. */
@MappedSuperclass
public abstract class PricedDocument {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "DOC_NUMBER")
    String number;

    String state;

    @Column(name = "CUSTOMER_ID")
    long customerId;

    String currency;

    /** The currency's decimals when the document was priced: amounts are shown at this scale. */
    @Column(name = "AMOUNT_SCALE")
    int decimals;

    @Column(name = "EXCHANGE_RATE")
    BigDecimal exchangeRate;

    @Column(name = "DOC_DATE")
    LocalDate date;

    @Column(name = "WAREHOUSE_ID")
    Long warehouseId;

    @Column(name = "DISCOUNT_PERCENT")
    BigDecimal discountPercent;

    String salesperson;

    @Column(name = "OPPORTUNITY_ID")
    Long opportunityId;

    String notes;

    BigDecimal subtotal;

    @Column(name = "DISCOUNT_AMOUNT")
    BigDecimal discountAmount;

    @Column(name = "NET_TOTAL")
    BigDecimal netTotal;

    @Column(name = "VAT_TOTAL")
    BigDecimal vatTotal;

    BigDecimal total;

    @Column(name = "TOTAL_COST")
    BigDecimal totalCost;

    @Column(name = "PROMISED_DATE")
    LocalDate promisedDate;

    @Column(name = "CREATED_AT")
    LocalDateTime createdAt;

    /** Optimistic lock: a write based on a stale read fails (409) instead of overwriting. */
    @Version
    long version;
}
