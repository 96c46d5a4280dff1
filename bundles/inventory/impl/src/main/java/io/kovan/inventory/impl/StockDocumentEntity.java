package io.kovan.inventory.impl;

import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A receipt, transfer or count (KIND), in KV_INV_DOCUMENT; its lines are StockDocumentLineEntity rows. */
@Entity
@Table(name = "KV_INV_DOCUMENT")
public class StockDocumentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String kind;

    @Column(name = "DOC_NUMBER")
    String number;

    @Column(name = "WAREHOUSE_ID")
    long warehouseId;

    @Column(name = "LOCATION_ID")
    Long locationId;

    @Column(name = "TO_LOCATION_ID")
    Long toLocationId;

    @Column(name = "PARTY_ID")
    Long partyId;

    @Column(name = "DOC_DATE")
    LocalDate date;

    String reference;
    String state;

    @Column(name = "CREATED_AT")
    LocalDateTime createdAt;

    @Version
    long version;
}
