package io.kovan.sales.api;

import java.math.BigDecimal;

/** One group of the sales report, in the company currency; {@code marginPercent} is null when nothing was sold. */
public record SalesReportRowDTO(String key, String name, long orders, BigDecimal quantity, BigDecimal netAmount, BigDecimal cost,
    BigDecimal margin, BigDecimal marginPercent) {
}
