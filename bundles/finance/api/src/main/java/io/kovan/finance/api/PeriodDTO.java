package io.kovan.finance.api;

import java.time.Instant;
import java.time.LocalDate;

/** A month of a fiscal year: {@code open} takes postings dated in it, {@code closed} refuses them with a 409. */
public record PeriodDTO(Long id, Integer year, Integer month, LocalDate startDate, LocalDate endDate, String state, Instant closedAt,
    String closedBy) {
}
