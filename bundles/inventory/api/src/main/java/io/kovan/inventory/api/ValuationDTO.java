package io.kovan.inventory.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Stock on hand and its value per warehouse on {@code date}, with the products behind each figure. */
public record ValuationDTO(LocalDate date, String currency, BigDecimal totalValue, List<Warehouse> warehouses) {

    public record Warehouse(Long warehouseId, String code, BigDecimal value, List<Line> products) {
    }

    public record Line(Long productId, String productCode, String category, BigDecimal onHand, BigDecimal unitCost, BigDecimal value) {
    }
}
