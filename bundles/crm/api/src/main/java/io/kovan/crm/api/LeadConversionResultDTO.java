package io.kovan.crm.api;

/** What a conversion made: the lead (now CONVERTED), its party and the new opportunity. */
public record LeadConversionResultDTO(LeadDTO lead, long partyId, String partyCode, OpportunityDTO opportunity) {
}
