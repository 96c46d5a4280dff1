package io.kovan.finance.api;

import java.math.BigDecimal;

/**
 * A line of a journal entry: a debit or a credit (never both) on one postable account, in the
 * entry's currency, and {@code baseDebit}/{@code baseCredit} in the company currency at the
 * entry's rate. {@code partyId} names the customer or supplier on receivable and payable lines
 * (their statements read it). A client sends {@code accountId} (or {@code accountCode}),
 * {@code debit} or {@code credit}, and optionally {@code partyId}, {@code description},
 * {@code costCentre}.
 */
public record JournalLineDTO(Long id, Integer lineNo, Long accountId, String accountCode, String accountName, Long partyId, BigDecimal debit,
    BigDecimal credit, BigDecimal baseDebit, BigDecimal baseCredit, String description, String costCentre) {

    public static JournalLineDTO of(String accountCode, Long partyId, BigDecimal debit, BigDecimal credit, String description) {
        return new JournalLineDTO(null, null, null, accountCode, null, partyId, debit, credit, null, null, description, null);
    }
}
