package io.kovan.inventory.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A stock adjustment at a location, numbered {@code IA-2026-000001}: found or lost goods, with the
 * {@code reason} (scrap, breakage, found in count…). Posting writes one ADJUSTMENT move per line.
 */
public record AdjustmentDTO(Long id, String number, Long locationId, LocalDate date, String reason, String state, List<AdjustmentLineDTO> lines,
    Long version) {
}
