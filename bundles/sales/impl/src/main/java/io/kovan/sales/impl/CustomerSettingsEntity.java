package io.kovan.sales.impl;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A row of KV_SALES_CUSTOMER, keyed by the kernel's party id. */
@Entity
@Table(name = "KV_SALES_CUSTOMER")
public class CustomerSettingsEntity {

    @Id
    @Column(name = "PARTY_ID")
    Long partyId;

    @Column(name = "PRICE_GROUP")
    String priceGroup;

    String salesperson;

    @Version
    long version;
}
