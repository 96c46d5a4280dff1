package io.kovan.sales.api;

import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The sales reports, in the company currency. Periods are inclusive; null means open.
 *
 * @since 1.0
 */
@ProviderType
public interface SalesReportService {

    /**
     * Net sales, cost and margin of confirmed (not cancelled) orders by order date, grouped by
     * {@code period} (month), {@code customer}, {@code product} or {@code salesperson}.
     */
    SalesReportDTO sales(LocalDate from, LocalDate to, String groupBy);

    /** Lines of confirmed and partially delivered orders still to deliver, by promised date. */
    List<OpenOrderLineDTO> openOrders();

    /** Shipped lines against their promised dates. */
    DeliveryPerformanceDTO deliveryPerformance(LocalDate from, LocalDate to);
}
