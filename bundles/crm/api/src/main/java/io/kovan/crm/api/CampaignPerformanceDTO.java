package io.kovan.crm.api;

import java.math.BigDecimal;

/**
 * What a campaign brought: members and responses, attributed leads and opportunities, won
 * revenue (from paid invoices when finance reports them, else from won opportunities, as
 * {@code revenueSource} says), cost per lead and return on spend (won revenue ÷ cost). Money in
 * the company currency.
 */
public record CampaignPerformanceDTO(long campaignId, String code, String name, String currency, BigDecimal cost, long members,
    long responses, long leads, long opportunities, long won, BigDecimal wonRevenue, String revenueSource, BigDecimal costPerLead,
    BigDecimal returnOnSpend) {
}
