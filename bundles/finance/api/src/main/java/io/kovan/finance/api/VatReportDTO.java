package io.kovan.finance.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** VAT of a period by rate, in the company currency: output (sales less credit notes), input (purchases), and what is payable. */
public record VatReportDTO(LocalDate from, LocalDate to, String currency, List<VatSummaryLineDTO> output, List<VatSummaryLineDTO> input,
    BigDecimal outputTotal, BigDecimal inputTotal, BigDecimal payable) {
}
