package io.kovan.kernel.impl.unit;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A unit of measure row. */
@Entity
@Table(name = "KV_UNIT")
public class UnitEntity {

    @Id
    String code;
    String name;
    int decimals;
}
