package io.kovan.inventory.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Stock held in a warehouse for one line of a document. {@code quantity} was reserved,
 * {@code consumed} has since been issued against it, {@code released} given back; what still
 * holds stock is {@code quantity − consumed − released}.
 */
public record ReservationDTO(Long id, Long productId, Long warehouseId, BigDecimal quantity, BigDecimal consumed, BigDecimal released,
    String documentType, Long documentId, Long lineId, ReservationState state, Instant createdAt) {

    /** What the reservation still holds. */
    public BigDecimal open() {
        return quantity.subtract(consumed).subtract(released);
    }
}
