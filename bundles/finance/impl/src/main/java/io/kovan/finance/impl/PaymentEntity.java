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
import javax.persistence.Version;

/** A collection or payment, a row of KV_FIN_PAYMENT; ALLOCATED changes only by conditional updates (see Allocations). */
@Entity
@Table(name = "KV_FIN_PAYMENT")
public class PaymentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "COMPANY_ID")
    long companyId;

    @Column(name = "DOC_NUMBER")
    String number;

    String direction;

    String state;

    @Column(name = "PARTY_ID")
    long partyId;

    @Column(name = "PAYMENT_DATE")
    LocalDate date;

    BigDecimal amount;

    String currency;

    @Column(name = "EXCHANGE_RATE")
    BigDecimal exchangeRate;

    @Column(name = "AMOUNT_SCALE")
    int amountScale;

    @Column(name = "ACCOUNT_ID")
    long accountId;

    BigDecimal allocated;

    @Column(name = "ENTRY_ID")
    Long entryId;

    String reference;

    @Column(name = "CREATED_AT")
    LocalDateTime createdAt;

    @Column(name = "CREATED_BY")
    String createdBy;

    @Version
    long version;
}
