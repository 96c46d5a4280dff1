package io.kovan.sales.impl;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

/** A row of KV_SALES_QUOTE_LINE. */
@Entity
@Table(name = "KV_SALES_QUOTE_LINE")
public class QuoteLineEntity extends PricedLine {

    @Column(name = "QUOTE_ID")
    long quoteId;
}
