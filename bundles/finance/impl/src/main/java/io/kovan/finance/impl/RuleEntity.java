package io.kovan.finance.impl;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A posting rule, a row of KV_FIN_RULE. */
@Entity
@Table(name = "KV_FIN_RULE")
public class RuleEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "COMPANY_ID")
    long companyId;

    String purpose;

    @Column(name = "MATCH_KIND")
    String matchKind;

    @Column(name = "MATCH_VALUE")
    String matchValue;

    @Column(name = "ACCOUNT_ID")
    long accountId;

    @Version
    long version;
}
