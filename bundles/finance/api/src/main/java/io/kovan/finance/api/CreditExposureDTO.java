package io.kovan.finance.api;

import java.math.BigDecimal;

/**
 * What a customer owes and has on order, in the company currency: open customer invoices less open
 * credit notes and unallocated collections ({@code receivables}); what is delivered and not
 * invoiced yet, less services invoiced on order ahead of their delivery ({@code unbilled}, since
 * 1.1); plus what sales reports as open orders when it is installed ({@code openOrders}, else
 * null); {@code total} is their sum.
 */
public record CreditExposureDTO(long partyId, String currency, BigDecimal receivables, BigDecimal unbilled, BigDecimal openOrders, BigDecimal total) {
}
