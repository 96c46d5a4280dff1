package io.kovan.finance.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An account's general ledger, or a party's statement (cari hesap ekstresi: its receivable and
 * payable postings), between two dates: the balance brought forward, every posting, the balance
 * carried (debit positive: the party owes).
 */
public record LedgerDTO(String subject, LocalDate from, LocalDate to, String currency, BigDecimal openingBalance, List<LedgerLineDTO> lines,
    BigDecimal totalDebit, BigDecimal totalCredit, BigDecimal closingBalance) {
}
