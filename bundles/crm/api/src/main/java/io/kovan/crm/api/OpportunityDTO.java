package io.kovan.crm.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A chance to sell to a party. {@code source} and {@code campaignId} come from the lead it was converted from. {@code stage} moves only through {@code POST …/{id}/stage}
 * (a workflow transition); {@code probability} comes from the stage, {@code weightedRevenue} is
 * expected revenue × probability. {@code closedOn} is set when the opportunity is won or lost.
 */
public record OpportunityDTO(Long id, String number, String name, Long partyId, Long leadId, Long campaignId, String source, String stage,
    BigDecimal probability, BigDecimal expectedRevenue, BigDecimal weightedRevenue, String currency, LocalDate expectedCloseDate,
    String owner, Long teamId, String lostReason, LocalDate closedOn, Long version, Instant createdAt) {
}
