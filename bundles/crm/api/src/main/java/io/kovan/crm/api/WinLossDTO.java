package io.kovan.crm.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Opportunities closed in a period: won and lost, their values, and the lost ones by reason (most frequent first). */
public record WinLossDTO(LocalDate from, LocalDate to, String currency, long won, long lost, BigDecimal wonValue, BigDecimal lostValue,
    BigDecimal winRate, List<Reason> lostReasons) {

    public record Reason(String reason, long count, BigDecimal value) {
    }
}
