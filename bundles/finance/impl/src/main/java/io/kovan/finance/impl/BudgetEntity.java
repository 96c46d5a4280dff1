package io.kovan.finance.impl;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A month's budget of an account (and cost centre), a row of KV_FIN_BUDGET. */
@Entity
@Table(name = "KV_FIN_BUDGET")
public class BudgetEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "COMPANY_ID")
    long companyId;

    @Column(name = "ACCOUNT_ID")
    long accountId;

    @Column(name = "COST_CENTRE")
    String costCentre;

    @Column(name = "FISCAL_YEAR")
    int year;

    @Column(name = "FISCAL_MONTH")
    int month;

    BigDecimal amount;

    @Version
    long version;
}
