package io.kovan.crm.api;

import java.math.BigDecimal;
import java.util.List;

/** Each member's month against target: revenue won (company currency), deals won, activities done; achievement in percent. */
public record TeamPerformanceDTO(long teamId, String team, String month, String currency, List<Row> rows) {

    public record Row(String member, BigDecimal targetRevenue, BigDecimal wonRevenue, BigDecimal revenueAchievement, int targetWonDeals,
        long wonDeals, int targetActivities, long activitiesDone) {
    }
}
