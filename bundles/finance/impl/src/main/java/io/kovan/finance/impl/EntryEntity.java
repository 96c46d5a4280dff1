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

/** A journal entry, a row of KV_FIN_ENTRY. */
@Entity
@Table(name = "KV_FIN_ENTRY")
public class EntryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "COMPANY_ID")
    long companyId;

    @Column(name = "DOC_NUMBER")
    String number;

    String state;

    @Column(name = "ENTRY_DATE")
    LocalDate date;

    String description;

    String currency;

    @Column(name = "EXCHANGE_RATE")
    BigDecimal exchangeRate;

    @Column(name = "TOTAL_DEBIT")
    BigDecimal totalDebit;

    @Column(name = "TOTAL_CREDIT")
    BigDecimal totalCredit;

    @Column(name = "SOURCE_TYPE")
    String sourceType;

    @Column(name = "SOURCE_ID")
    Long sourceId;

    String reference;

    @Column(name = "REVERSAL_OF_ID")
    Long reversalOfId;

    @Column(name = "REVERSED_BY_ID")
    Long reversedById;

    @Column(name = "POSTED_AT")
    LocalDateTime postedAt;

    @Column(name = "POSTED_BY")
    String postedBy;

    @Column(name = "CREATED_AT")
    LocalDateTime createdAt;

    @Column(name = "CREATED_BY")
    String createdBy;

    @Version
    long version;
}
