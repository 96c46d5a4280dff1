package io.kovan.sales.impl;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

/** A row of KV_SALES_ORDER. */
@Entity
@Table(name = "KV_SALES_ORDER")
public class OrderEntity extends PricedDocument {

    @Column(name = "REQUESTED_DATE")
    LocalDate requestedDate;

    @Column(name = "QUOTE_ID")
    Long quoteId;

    @Column(name = "APPROVAL_REASON")
    String approvalReason;
}
