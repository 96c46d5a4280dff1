package io.kovan.inventory.api;

import java.math.BigDecimal;

/** A product moved between two locations; tracked products name their lot or serial number. */
public record TransferLineDTO(Long id, Long productId, BigDecimal quantity, String lotNumber) {
}
