package io.kovan.crm.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A campaign: type, period, budget and actual cost in {@code currency}. */
public record CampaignDTO(Long id, String code, String name, CampaignType type, LocalDate startDate, LocalDate endDate,
    BigDecimal budget, BigDecimal actualCost, String currency, Long version) {
}
