package io.kovan.kernel.api.unit;

/**
 * A unit of measure. {@code decimals} is the scale quantities in this unit are kept at
 * (0 for pieces, 3 for kilograms).
 */
public record UnitDTO(String code, String name, int decimals) {
}
