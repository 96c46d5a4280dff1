package io.kovan.inventory.impl;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A row of KV_INV_WAREHOUSE. */
@Entity
@Table(name = "KV_INV_WAREHOUSE")
public class WarehouseEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String code;
    String name;
    String address;
    boolean active;

    @Column(name = "ROOT_LOCATION_ID")
    Long rootLocationId;

    @Version
    long version;
}
