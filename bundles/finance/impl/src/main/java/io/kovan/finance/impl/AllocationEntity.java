package io.kovan.finance.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** Part of a payment settling an invoice, a row of KV_FIN_ALLOCATION. */
@Entity
@Table(name = "KV_FIN_ALLOCATION")
public class AllocationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "PAYMENT_ID")
    long paymentId;

    @Column(name = "INVOICE_ID")
    long invoiceId;

    BigDecimal amount;

    @Column(name = "ALLOCATION_DATE")
    LocalDate date;

    @Column(name = "CREATED_AT")
    LocalDateTime createdAt;
}
