package io.kovan.inventory.impl;

import java.math.BigDecimal;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A line of a receipt, transfer or count. {@code serials} holds a serial-tracked receipt's serial numbers, one per line of text. */
@Entity
@Table(name = "KV_INV_DOCUMENT_LINE")
public class StockDocumentLineEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "DOCUMENT_ID")
    long documentId;

    @Column(name = "LINE_NO")
    int lineNo;

    @Column(name = "PRODUCT_ID")
    long productId;

    BigDecimal quantity;

    @Column(name = "UNIT_COST")
    BigDecimal unitCost;

    @Column(name = "LOT_NUMBER")
    String lotNumber;

    @Column(name = "EXPIRY_DATE")
    LocalDate expiryDate;

    String serials;

    @Column(name = "SYSTEM_QUANTITY")
    BigDecimal systemQuantity;
}
