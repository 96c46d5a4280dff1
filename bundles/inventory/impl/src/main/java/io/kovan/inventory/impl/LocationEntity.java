package io.kovan.inventory.impl;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A row of KV_INV_LOCATION; {@code path} repeats the codes from the warehouse down. */
@Entity
@Table(name = "KV_INV_LOCATION")
public class LocationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "WAREHOUSE_ID")
    long warehouseId;

    @Column(name = "PARENT_ID")
    Long parentId;

    String code;
    String name;
    String path;
    boolean active;

    @Version
    long version;
}
