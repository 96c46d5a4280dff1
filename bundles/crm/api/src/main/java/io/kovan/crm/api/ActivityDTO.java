package io.kovan.crm.api;

import java.time.Instant;

/**
 * A call, meeting, e-mail, task or note about at least one of a lead, an opportunity, a party or
 * a case. An open activity whose {@code dueAt} has passed is overdue; completing it records the
 * {@code outcome}. An activity on an opportunity, lead or case of a known party appears on that
 * party's timeline.
 */
public record ActivityDTO(Long id, ActivityType type, String subject, String description, Instant dueAt, String owner, Long leadId,
    Long opportunityId, Long partyId, Long caseId, Boolean done, String outcome, Instant completedAt, Boolean overdue, Long version,
    Instant createdAt) {
}
