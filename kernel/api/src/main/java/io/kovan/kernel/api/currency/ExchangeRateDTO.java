package io.kovan.kernel.api.currency;

import java.math.BigDecimal;
import java.time.LocalDate;

/** On {@code date}, one {@code from} buys {@code rate} {@code to} (1 USD = 34.5 TRY). */
public record ExchangeRateDTO(String from, String to, LocalDate date, BigDecimal rate) {
}
