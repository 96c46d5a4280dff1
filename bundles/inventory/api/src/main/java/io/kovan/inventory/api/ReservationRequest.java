package io.kovan.inventory.api;

import java.math.BigDecimal;

/**
 * Asks for {@code quantity} of a product in a warehouse for a document line. With
 * {@code allowPartial} the reservation takes what is available (possibly nothing) and the
 * caller back-orders the rest; without it, too little stock is a 409 and nothing is reserved.
 */
public record ReservationRequest(Long productId, Long warehouseId, BigDecimal quantity, String documentType, Long documentId, Long lineId,
    Boolean allowPartial) {
}
