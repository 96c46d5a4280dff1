package io.kovan.finance.impl;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** An account of the chart, a row of KV_FIN_ACCOUNT. */
@Entity
@Table(name = "KV_FIN_ACCOUNT")
public class AccountEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "COMPANY_ID")
    long companyId;

    String code;

    String name;

    @Column(name = "ACCOUNT_TYPE")
    String type;

    @Column(name = "PARENT_ID")
    Long parentId;

    boolean postable;

    boolean active;

    @Version
    long version;
}
