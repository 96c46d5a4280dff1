package io.kovan.inventory.api;

import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Inventory reports, computed from the ledger. Amounts are in the company currency.
 *
 * @since 1.0
 */
@ProviderType
public interface InventoryReportService {

    /** Stock and value per warehouse on {@code date} (today when null): quantities from the moves up to that date, valued at their recorded costs. */
    ValuationDTO valuation(LocalDate date, Long warehouseId);

    /** Turnover and days of inventory per {@code product} or {@code category}. */
    TurnoverDTO turnover(LocalDate from, LocalDate to, String groupBy);

    /** Products on hand not issued in the last {@code days} days, longest idle first. */
    List<SlowMoverDTO> slowMovers(int days);
}
