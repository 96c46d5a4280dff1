package io.kovan.crm.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Lead conversion over the leads created in a period, grouped {@code by} source, campaign,
 * owner or month: leads, converted to an opportunity, won, lost; rates in percent of the leads.
 */
public record ConversionReportDTO(String by, LocalDate from, LocalDate to, String currency, List<Row> rows) {

    public record Row(String key, long leads, long converted, long disqualified, long won, long lost, BigDecimal wonValue,
        BigDecimal leadToOpportunityRate, BigDecimal leadToWonRate, BigDecimal winRate) {
    }
}
