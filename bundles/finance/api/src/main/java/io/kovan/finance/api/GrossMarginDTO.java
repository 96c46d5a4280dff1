package io.kovan.finance.api;

import java.time.LocalDate;
import java.util.List;

/** Gross margin by {@code product} or {@code customer} for a period, from the postings. */
public record GrossMarginDTO(String groupBy, LocalDate from, LocalDate to, String currency, List<GrossMarginRowDTO> rows, GrossMarginRowDTO total) {
}
