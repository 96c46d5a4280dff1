package io.kovan.finance.api;

/** What an invoice is. */
public enum InvoiceKind {
    /** Sold to a customer: receivable, revenue and output VAT. */
    CUSTOMER_INVOICE,
    /** Given back to a customer (a return, a price correction): the customer invoice turned round. */
    CREDIT_NOTE,
    /** Bought from a supplier: goods or expense, input VAT and payable. */
    SUPPLIER_INVOICE
}
