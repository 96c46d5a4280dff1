package io.kovan.finance.impl;

import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A fiscal month, a row of KV_FIN_PERIOD; its state changes only by conditional updates (see Periods). */
@Entity
@Table(name = "KV_FIN_PERIOD")
public class PeriodEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "COMPANY_ID")
    long companyId;

    @Column(name = "FISCAL_YEAR")
    int year;

    @Column(name = "FISCAL_MONTH")
    int month;

    @Column(name = "START_DATE")
    LocalDate startDate;

    @Column(name = "END_DATE")
    LocalDate endDate;

    String state;

    @Column(name = "CLOSED_AT")
    LocalDateTime closedAt;

    @Column(name = "CLOSED_BY")
    String closedBy;
}
