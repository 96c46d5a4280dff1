package io.kovan.finance.api;

/** Which way money goes. */
public enum PaymentDirection {
    /** A collection from a customer (tahsilat): cash or bank up, receivable down. */
    INCOMING,
    /** A payment to a supplier (ödeme): payable down, cash or bank down. */
    OUTGOING
}
