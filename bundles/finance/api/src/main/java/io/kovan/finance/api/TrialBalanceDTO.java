package io.kovan.finance.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Every account with postings, in the company currency; {@code balanced}: total debits equal total credits. */
public record TrialBalanceDTO(LocalDate from, LocalDate to, String currency, List<TrialBalanceRowDTO> rows, BigDecimal totalDebit,
    BigDecimal totalCredit, boolean balanced) {
}
