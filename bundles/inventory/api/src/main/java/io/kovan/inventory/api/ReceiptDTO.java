package io.kovan.inventory.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A goods receipt into a location (the warehouse's root when {@code locationId} is null),
 * numbered {@code GR-2026-000001}. DRAFT receipts are expected supply on their {@code date};
 * posting writes the moves (a past date back-dates them) and makes it POSTED.
 */
public record ReceiptDTO(Long id, String number, Long warehouseId, Long locationId, Long supplierId, LocalDate date, String reference,
    String state, List<ReceiptLineDTO> lines, Long version) {
}
