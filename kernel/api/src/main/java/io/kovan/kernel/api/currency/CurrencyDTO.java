package io.kovan.kernel.api.currency;

/** An ISO 4217 currency; {@code decimals} is the scale its amounts are kept at. */
public record CurrencyDTO(String code, String name, int decimals, boolean active) {
}
