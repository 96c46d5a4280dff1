package io.kovan.finance.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A balance sheet (on {@code to}) or an income statement (from {@code from} to {@code to}), with its named totals. */
public record FinancialStatementDTO(String statement, LocalDate from, LocalDate to, String currency, List<StatementRowDTO> rows,
    Map<String, java.math.BigDecimal> totals) {
}
