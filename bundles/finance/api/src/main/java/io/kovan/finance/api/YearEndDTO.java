package io.kovan.finance.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * A closed fiscal year: its closing entry (null when no income or expense was posted), the net
 * profit carried to equity (negative: a loss), in the company currency, and its periods, all closed.
 *
 * @since 1.1
 */
public record YearEndDTO(int year, Long journalEntryId, String journalEntryNumber, BigDecimal netProfit, String currency, List<PeriodDTO> periods) {
}
