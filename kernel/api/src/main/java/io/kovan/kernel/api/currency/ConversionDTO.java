package io.kovan.kernel.api.currency;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The result of a conversion, with the rate used and the date that rate was set for. */
public record ConversionDTO(BigDecimal amount, String from, String to, LocalDate date, BigDecimal rate,
    LocalDate rateDate, BigDecimal result) {
}
