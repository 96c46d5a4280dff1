package io.kovan.inventory.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A physical inventory count of a location, numbered {@code IC-2026-000001}. Posting it writes one
 * COUNT move per line whose counted quantity differs from the ledger, gain or loss at current cost.
 */
public record CountDTO(Long id, String number, Long locationId, LocalDate date, String state, List<CountLineDTO> lines, Long version) {
}
