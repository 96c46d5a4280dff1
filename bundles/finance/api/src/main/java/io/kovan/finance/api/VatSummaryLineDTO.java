package io.kovan.finance.api;

import java.math.BigDecimal;

/** The VAT of one rate on a document or in a period: the taxable base and the tax. */
public record VatSummaryLineDTO(BigDecimal rate, BigDecimal taxableAmount, BigDecimal vatAmount) {
}
