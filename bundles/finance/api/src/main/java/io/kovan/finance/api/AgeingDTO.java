package io.kovan.finance.api;

import java.time.LocalDate;
import java.util.List;

/** Receivables ({@code RECEIVABLE}: customer invoices) or payables ({@code PAYABLE}: supplier invoices) open on {@code asOf}, in the company currency. */
public record AgeingDTO(String kind, LocalDate asOf, String currency, List<AgeingRowDTO> rows, AgeingRowDTO total) {
}
