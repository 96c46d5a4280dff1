package io.kovan.sales.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A shipment line: {@code quantity} of an order line. A client sends {@code orderLineId},
 * {@code quantity} and, for lot-tracked products, {@code lotNumber}. Once shipped, {@code unitCost}
 * and {@code costAmount} (company currency) are what the goods cost, and {@code moveIds} the stock
 * ledger's issue moves (none without inventory).
 */
public record ShipmentLineDTO(Long id, Integer lineNo, Long orderId, String orderNumber, Long orderLineId, Long productId, String productCode,
    BigDecimal quantity, String lotNumber, BigDecimal unitCost, BigDecimal costAmount, BigDecimal returnedQuantity, LocalDate promisedDate,
    List<Long> moveIds) {

    /** A line as a client sends it. */
    public static ShipmentLineDTO of(Long orderLineId, BigDecimal quantity, String lotNumber) {
        return new ShipmentLineDTO(null, null, null, null, orderLineId, null, null, quantity, lotNumber, null, null, null, null, null);
    }
}
