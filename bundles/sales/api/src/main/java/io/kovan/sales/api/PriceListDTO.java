package io.kovan.sales.api;

import java.time.LocalDate;
import java.util.List;

/**
 * Prices in one currency for one customer group ({@code customerGroup} null: every customer),
 * valid from {@code validFrom} to {@code validTo} inclusive (either open when null).
 */
public record PriceListDTO(Long id, String code, String name, String currency, String customerGroup, LocalDate validFrom, LocalDate validTo,
    List<PriceListItemDTO> items, Long version) {
}
