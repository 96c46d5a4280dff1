package io.kovan.finance.api;

import java.time.LocalDate;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The financial reports, all read from the posted journal (and, for ageing, the open invoices) of
 * the company, in its currency.
 *
 * @since 1.0
 */
@ProviderType
public interface FinanceReportService {

    TrialBalanceDTO trialBalance(LocalDate from, LocalDate to);

    LedgerDTO generalLedger(long accountId, LocalDate from, LocalDate to);

    /** The party's receivable and payable postings. */
    LedgerDTO statement(long partyId, LocalDate from, LocalDate to);

    FinancialStatementDTO balanceSheet(LocalDate asOf);

    FinancialStatementDTO incomeStatement(LocalDate from, LocalDate to);

    /** {@code kind}: RECEIVABLE or PAYABLE. */
    AgeingDTO ageing(String kind, LocalDate asOf);

    VatReportDTO vat(LocalDate from, LocalDate to);

    /**
     * Cash flow by the direct method: every movement of the cash and bank accounts (those of the
     * CASH and BANK rules and below them), classed by the other side of its entry, and by month.
     */
    CashFlowDTO cashFlow(LocalDate from, LocalDate to);

    /** {@code groupBy}: product or customer. */
    GrossMarginDTO grossMargin(String groupBy, LocalDate from, LocalDate to);
}
