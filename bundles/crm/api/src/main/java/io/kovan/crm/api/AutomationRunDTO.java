package io.kovan.crm.api;

import java.time.Instant;

/** One time a rule ran: for which event and record, when, and how it went ({@code done} or {@code failed: …}). */
public record AutomationRunDTO(long ruleId, long eventId, String event, String recordKind, long recordId, Instant at, String outcome) {
}
