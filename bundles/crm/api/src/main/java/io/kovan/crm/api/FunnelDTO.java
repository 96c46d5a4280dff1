package io.kovan.crm.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The sales funnel of the opportunities created in a period, values in the company currency.
 * {@code winRate} is won ÷ (won + lost), {@code weightedPipeline} the open opportunities'
 * expected revenue × probability; rates are percentages with one decimal.
 */
public record FunnelDTO(LocalDate from, LocalDate to, String currency, long opportunities, long open, long won, long lost,
    BigDecimal wonValue, BigDecimal winRate, BigDecimal weightedPipeline, List<FunnelStageDTO> stages) {

    /**
     * One stage: how many opportunities reached it (are in it or went past it) and their value,
     * how many are in it now, and the percentage of those that reached it that reached the next stage.
     */
    public record FunnelStageDTO(String stage, String name, BigDecimal probability, long reached, BigDecimal reachedValue, long current,
        BigDecimal currentValue, BigDecimal weightedValue, BigDecimal conversionToNext) {
    }
}
