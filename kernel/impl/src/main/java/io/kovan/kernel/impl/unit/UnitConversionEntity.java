package io.kovan.kernel.impl.unit;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** One FROM_UNIT = FACTOR TO_UNIT. */
@Entity
@Table(name = "KV_UNIT_CONVERSION")
public class UnitConversionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "FROM_UNIT")
    String fromUnit;

    @Column(name = "TO_UNIT")
    String toUnit;

    BigDecimal factor;
}
