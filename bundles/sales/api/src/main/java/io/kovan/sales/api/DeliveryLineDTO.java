package io.kovan.sales.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A shipped line against its promise: {@code daysLate} is 0 when shipped on or before {@code promisedDate}. */
public record DeliveryLineDTO(Long shipmentId, String shipmentNumber, Long orderId, String orderNumber, Long customerId, Long productId,
    String productCode, BigDecimal quantity, LocalDate promisedDate, LocalDate shippedDate, long daysLate) {
}
