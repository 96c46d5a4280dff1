package io.kovan.sales.impl;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

/** A row of KV_SALES_QUOTE. */
@Entity
@Table(name = "KV_SALES_QUOTE")
public class QuoteEntity extends PricedDocument {

    @Column(name = "VALID_UNTIL")
    LocalDate validUntil;

    @Column(name = "ORDER_ID")
    Long orderId;
}
