package io.kovan.kernel.api.unit;

import java.math.BigDecimal;

/** One {@code from} equals {@code factor} {@code to} (1 BOX = 12 PCS). */
public record UnitConversionDTO(String from, String to, BigDecimal factor) {
}
