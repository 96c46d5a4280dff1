package io.kovan.inventory.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Inventory turnover for the period {@code from}–{@code to}: cost of goods issued divided by the
 * average of the opening and closing stock value, and days of inventory = days in the period /
 * turnover (null when nothing was issued). Rows per product or per category ({@code groupBy}).
 */
public record TurnoverDTO(LocalDate from, LocalDate to, String groupBy, String currency, List<Row> rows) {

    public record Row(String key, String name, BigDecimal openingValue, BigDecimal closingValue, BigDecimal averageValue,
        BigDecimal costOfGoodsIssued, BigDecimal quantityIssued, BigDecimal turnover, BigDecimal daysOfInventory) {
    }
}
