package io.kovan.kernel.impl.numbering;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A numbering series definition; its counters live in KV_NUMBER_COUNTER, written by SQL. */
@Entity
@Table(name = "KV_NUMBER_SERIES")
public class NumberSeriesEntity {

    @Id
    String code;
    String prefix;
    boolean yearly;
    int padding;
    String description;
}
