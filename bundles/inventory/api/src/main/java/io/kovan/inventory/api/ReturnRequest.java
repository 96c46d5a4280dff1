package io.kovan.inventory.api;

import java.time.LocalDate;
import java.util.List;

/** A return of issued goods caused by a document ({@code sales.return}). */
public record ReturnRequest(String sourceType, Long sourceId, String reference, LocalDate date, List<ReturnLine> lines) {
}
