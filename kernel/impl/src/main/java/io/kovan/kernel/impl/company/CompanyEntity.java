package io.kovan.kernel.impl.company;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A company: the party that owns a set of books. */
@Entity
@Table(name = "KV_COMPANY")
public class CompanyEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "PARTY_ID")
    long partyId;

    @Column(name = "BASE_CURRENCY")
    String baseCurrency;
}
