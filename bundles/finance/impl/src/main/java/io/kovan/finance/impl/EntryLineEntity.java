package io.kovan.finance.impl;

import java.math.BigDecimal;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A line of a journal entry, a row of KV_FIN_ENTRY_LINE. */
@Entity
@Table(name = "KV_FIN_ENTRY_LINE")
public class EntryLineEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "ENTRY_ID")
    long entryId;

    @Column(name = "LINE_NO")
    int lineNo;

    @Column(name = "COMPANY_ID")
    long companyId;

    @Column(name = "ACCOUNT_ID")
    long accountId;

    @Column(name = "PARTY_ID")
    Long partyId;

    @Column(name = "PRODUCT_ID")
    Long productId;

    String purpose;

    BigDecimal debit;

    BigDecimal credit;

    @Column(name = "BASE_DEBIT")
    BigDecimal baseDebit;

    @Column(name = "BASE_CREDIT")
    BigDecimal baseCredit;

    String description;

    @Column(name = "COST_CENTRE")
    String costCentre;

    @Column(name = "ENTRY_DATE")
    LocalDate date;

    int posted;

    @Column(name = "RECONCILED_ON")
    LocalDate reconciledOn;

    @Column(name = "STATEMENT_REF")
    String statementRef;
}
