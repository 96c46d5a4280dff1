package io.kovan.sales.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * A returned quantity of a shipment line. A client sends {@code shipmentLineId} and {@code quantity};
 * the goods come back at the cost they were shipped at (company currency); {@code moveIds} are
 * inventory's return moves.
 */
public record ReturnLineDTO(Long id, Integer lineNo, Long shipmentLineId, Long orderLineId, Long productId, String productCode,
    BigDecimal quantity, BigDecimal unitCost, BigDecimal costAmount, List<Long> moveIds) {

    /** A line as a client sends it. */
    public static ReturnLineDTO of(Long shipmentLineId, BigDecimal quantity) {
        return new ReturnLineDTO(null, null, shipmentLineId, null, null, null, quantity, null, null, null);
    }
}
