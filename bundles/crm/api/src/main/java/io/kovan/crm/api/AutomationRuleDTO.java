package io.kovan.crm.api;

import java.util.Map;

/**
 * "When {@code event} happens to a record in {@code segmentId}, then {@code action}." The event is
 * a name or pattern over leads or parties ({@code crm.lead.created}, {@code crm.lead.*},
 * {@code core.party.updated}); without a segment every such record qualifies. Rules react to what
 * users do: events of system work, rules included, do not trigger them, so rules cannot loop.
 */
public record AutomationRuleDTO(Long id, String name, String event, Long segmentId, AutomationAction action, Map<String, String> parameters,
    Boolean active, Long version) {
}
