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

/** An invoice, a row of KV_FIN_INVOICE; PAID changes only by conditional updates (see Allocations). */
@Entity
@Table(name = "KV_FIN_INVOICE")
public class InvoiceEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "COMPANY_ID")
    long companyId;

    @Column(name = "DOC_NUMBER")
    String number;

    String kind;

    String state;

    @Column(name = "PARTY_ID")
    long partyId;

    @Column(name = "INVOICE_DATE")
    LocalDate date;

    @Column(name = "DUE_DATE")
    LocalDate dueDate;

    String currency;

    @Column(name = "EXCHANGE_RATE")
    BigDecimal exchangeRate;

    @Column(name = "AMOUNT_SCALE")
    int amountScale;

    @Column(name = "NET_TOTAL")
    BigDecimal netTotal;

    @Column(name = "VAT_TOTAL")
    BigDecimal vatTotal;

    BigDecimal total;

    @Column(name = "BASE_TOTAL")
    BigDecimal baseTotal;

    BigDecimal paid;

    @Column(name = "ENTRY_ID")
    Long entryId;

    @Column(name = "CREDITED_INVOICE_ID")
    Long creditedInvoiceId;

    @Column(name = "SUPPLIER_NUMBER")
    String supplierNumber;

    String reference;

    String notes;

    String uuid;

    @Column(name = "CREATED_AT")
    LocalDateTime createdAt;

    @Column(name = "CREATED_BY")
    String createdBy;

    @Version
    long version;
}
