package io.kovan.sales.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A customer return, numbered {@code RT-2026-000001}, against one shipped shipment; received as soon
 * as it is posted. A client sends {@code shipmentId}, {@code lines} and optionally {@code date}
 * (today) and {@code reason}.
 */
public record ReturnDTO(Long id, String number, String state, Long shipmentId, Long customerId, LocalDate date, String reason,
    List<ReturnLineDTO> lines, BigDecimal totalCost, String currency, Long version, Instant createdAt) {
}
