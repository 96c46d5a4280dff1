package io.kovan.crm.api;

import java.time.Instant;

/**
 * An after-sales case (ticket) of a party, optionally about a product, an order or an invoice (by
 * number). {@code state}: new → in-progress → waiting-on-customer → resolved → closed, reopen
 * back to in-progress. The response and resolution deadlines come from the priority's SLA; a
 * breach flag is set when the deadline passed before the response or resolution.
 */
public record CaseDTO(Long id, String number, Long partyId, String subject, String description, CasePriority priority, Long productId,
    String orderNumber, String invoiceNumber, String state, String owner, Instant createdAt, Instant firstResponseAt, Instant resolvedAt,
    Instant closedAt, Instant responseDueAt, Instant resolutionDueAt, Boolean responseBreached, Boolean resolutionBreached,
    Integer reopenCount, Long version) {
}
