package io.kovan.crm.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * Cases now: open (not resolved or closed) per state and priority, SLA breaches, and the average
 * hours to first response and to resolution of the cases that had them.
 */
public record CaseReportDTO(Instant at, long open, Map<String, Long> byState, Map<CasePriority, Long> openByPriority,
    long responseBreaches, long resolutionBreaches, BigDecimal averageResponseHours, BigDecimal averageResolutionHours) {
}
