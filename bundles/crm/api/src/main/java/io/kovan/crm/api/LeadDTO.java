package io.kovan.crm.api;

import java.time.Instant;

/**
 * A lead: someone who may buy. {@code number}, {@code status}, {@code partyId},
 * {@code opportunityId}, {@code createdAt} are set by the module; {@code owner} defaults to the
 * creating user; {@code score} is 0–100; {@code taxNumber} (VKN or TCKN) helps find duplicates.
 * {@code version} must come back unchanged on update.
 */
public record LeadDTO(Long id, String number, String contactName, String companyName, String email, String phone, String taxNumber,
    String source, Long campaignId, String owner, Integer score, String notes, LeadStatus status, String disqualifyReason,
    Long partyId, Long opportunityId, Long mergedIntoId, Long version, Instant createdAt) {
}
