package io.kovan.crm.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The reports sales managers read, from the same data the module keeps. Periods are inclusive;
 * a missing bound is open. Money is converted into the default company's currency at the rate of
 * the period's end (today when open).
 *
 * @since 1.0
 */
@ProviderType
public interface CrmReportService {

    /** Filters: {@code owner}, {@code team}, {@code campaign}, {@code source}. */
    FunnelDTO funnel(LocalDate from, LocalDate to, Map<String, String> filters);

    /** {@code by}: {@code source}, {@code campaign}, {@code owner} or {@code month}. */
    ConversionReportDTO conversion(String by, LocalDate from, LocalDate to);

    WinLossDTO winLoss(LocalDate from, LocalDate to);

    List<CampaignPerformanceDTO> campaigns(LocalDate from, LocalDate to);

    ActivityReportDTO activities(LocalDate from, LocalDate to);

    /** {@code month} as {@code 2026-12}. */
    TeamPerformanceDTO team(long teamId, String month);

    CaseReportDTO cases();
}
