package io.kovan.kernel.impl.currency;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** An ISO 4217 currency row. */
@Entity
@Table(name = "KV_CURRENCY")
public class CurrencyEntity {

    @Id
    String code;
    String name;
    int decimals;
    boolean active;
}
