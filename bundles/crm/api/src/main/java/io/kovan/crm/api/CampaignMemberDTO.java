package io.kovan.crm.api;

import java.time.Instant;

/**
 * A party or a lead targeted by a campaign. {@code status} is INVITED until a response is
 * recorded ({@code RESPONDED}, with the {@code response} text).
 */
public record CampaignMemberDTO(Long id, Long campaignId, Long partyId, Long leadId, String status, String response, Instant respondedAt) {
}
