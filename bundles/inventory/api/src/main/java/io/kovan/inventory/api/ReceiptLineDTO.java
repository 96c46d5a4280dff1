package io.kovan.inventory.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A received product. {@code unitCost} is in the company currency. Lot-tracked products name the
 * {@code lotNumber} (and {@code expiryDate}); serial-tracked ones list one serial number per unit.
 */
public record ReceiptLineDTO(Long id, Long productId, BigDecimal quantity, BigDecimal unitCost, String lotNumber, LocalDate expiryDate,
    List<String> serialNumbers) {
}
