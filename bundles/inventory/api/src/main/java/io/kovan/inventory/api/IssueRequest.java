package io.kovan.inventory.api;

import java.time.LocalDate;
import java.util.List;

/** A goods issue caused by a document ({@code sourceType} {@code sales.shipment}, id, number as {@code reference}). */
public record IssueRequest(String sourceType, Long sourceId, String reference, LocalDate date, List<IssueLine> lines) {
}
