package io.kovan.sales.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A row of KV_SALES_RETURN. */
@Entity
@Table(name = "KV_SALES_RETURN")
public class ReturnEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "DOC_NUMBER")
    String number;

    String state;

    @Column(name = "SHIPMENT_ID")
    long shipmentId;

    @Column(name = "CUSTOMER_ID")
    long customerId;

    @Column(name = "DOC_DATE")
    LocalDate date;

    String reason;

    /** In the company currency. */
    @Column(name = "TOTAL_COST")
    BigDecimal totalCost;

    String currency;

    @Column(name = "CREATED_AT")
    LocalDateTime createdAt;

    @Version
    long version;
}
