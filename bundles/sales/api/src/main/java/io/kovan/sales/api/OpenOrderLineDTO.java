package io.kovan.sales.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An order line still to deliver: {@code openQuantity} of it, {@code backorderQuantity} of that not reserved. */
public record OpenOrderLineDTO(Long orderId, String orderNumber, String state, Long customerId, String customerName, LocalDate orderDate,
    Long lineId, Integer lineNo, Long productId, String productCode, BigDecimal quantity, BigDecimal deliveredQuantity,
    BigDecimal openQuantity, BigDecimal reservedQuantity, BigDecimal backorderQuantity, LocalDate promisedDate) {
}
