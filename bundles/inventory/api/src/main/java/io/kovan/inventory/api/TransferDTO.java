package io.kovan.inventory.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A move of goods from one location to another, in one warehouse or between two, numbered
 * {@code TR-2026-000001}. Posting it moves the goods; between warehouses only unreserved stock leaves.
 */
public record TransferDTO(Long id, String number, Long fromLocationId, Long toLocationId, LocalDate date, String reference, String state,
    List<TransferLineDTO> lines, Long version) {
}
