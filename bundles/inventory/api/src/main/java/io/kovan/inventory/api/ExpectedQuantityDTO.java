package io.kovan.inventory.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Goods a module expects to receive (supply) or to ship (demand) on {@code date}, for a
 * document: a purchase order line, a production order, a back-ordered sales line. {@code
 * warehouseId} null means the company's default warehouse.
 */
public record ExpectedQuantityDTO(Long productId, Long warehouseId, LocalDate date, BigDecimal quantity, String documentType, Long documentId,
    String number) {
}
