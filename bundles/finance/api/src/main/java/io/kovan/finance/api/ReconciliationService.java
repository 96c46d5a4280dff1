package io.kovan.finance.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Bank reconciliation (banka mutabakatı): matching a cash or bank account's posted lines to the
 * bank's statement. A line is reconciled once; two clients matching the same line cannot both.
 *
 * @since 1.0
 */
@ProviderType
public interface ReconciliationService {

    /** The account on {@code date} against the statement's balance (null: not compared). */
    ReconciliationDTO reconciliation(long accountId, LocalDate date, BigDecimal statementBalance);

    /** Marks the lines as on the statement of {@code statementDate}; all or none (409 when one is reconciled already or not the account's). */
    ReconciliationDTO reconcile(long accountId, LocalDate statementDate, String statementRef, List<Long> lineIds);
}
