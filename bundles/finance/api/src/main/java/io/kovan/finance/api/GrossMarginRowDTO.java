package io.kovan.finance.api;

import java.math.BigDecimal;

/** Revenue (invoices less credit notes) and cost of goods sold (goods issues less returns) of a product or customer, in the company currency. */
public record GrossMarginRowDTO(Long key, String name, BigDecimal revenue, BigDecimal cost, BigDecimal margin, BigDecimal marginPercent) {
}
