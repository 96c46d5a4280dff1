package io.kovan.finance.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The cash-flow statement by the direct method, from the postings on cash and bank accounts, in the company currency. */
public record CashFlowDTO(LocalDate from, LocalDate to, String currency, BigDecimal openingCash, List<CashFlowLineDTO> lines, BigDecimal netChange,
    BigDecimal closingCash, List<CashFlowMonthDTO> months) {
}
