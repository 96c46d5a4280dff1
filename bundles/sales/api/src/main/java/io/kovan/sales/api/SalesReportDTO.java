package io.kovan.sales.api;

import java.time.LocalDate;
import java.util.List;

/** Sales of confirmed orders dated {@code from} to {@code to}, grouped by {@code groupBy}, in the company {@code currency}. */
public record SalesReportDTO(LocalDate from, LocalDate to, String groupBy, String currency, List<SalesReportRowDTO> rows,
    SalesReportRowDTO totals) {
}
