package io.kovan.sales.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A shipment, numbered {@code SH-2026-000001}, of lines of one customer's confirmed orders. A client
 * sends {@code lines} and optionally {@code warehouseId} (default: the first order's, else the
 * default warehouse) and {@code date} (today). {@code shippedDate} is set when it ships;
 * {@code totalCost} is in the company currency ({@code currency}).
 */
public record ShipmentDTO(Long id, String number, String state, Long customerId, Long warehouseId, LocalDate date, LocalDate shippedDate,
    List<ShipmentLineDTO> lines, BigDecimal totalCost, String currency, Long version, Instant createdAt) {
}
