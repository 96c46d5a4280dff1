package io.kovan.inventory.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One date of the ATP projection: what is expected in and out that day, and what is free to promise after it. */
public record AtpEntryDTO(LocalDate date, BigDecimal supply, BigDecimal demand, BigDecimal available) {
}
