package io.kovan.kernel.impl.currency;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.kovan.kernel.api.currency.ExchangeRateDTO;

/**
 * Picks the rate for a pair on a day: the latest rate set on or before that day, taken directly
 * or inverted from the opposite pair, whichever is more recent (the direct one on a tie).
 */
final class RateTable {

    record Found(BigDecimal rate, LocalDate date) {
    }

    private RateTable() {
    }

    static Optional<Found> find(List<ExchangeRateDTO> rates, String from, String to, LocalDate day) {
        Optional<ExchangeRateDTO> direct = latest(rates, from, to, day);
        Optional<ExchangeRateDTO> inverse = latest(rates, to, from, day);
        if (direct.isPresent() && (inverse.isEmpty() || !inverse.get().date().isAfter(direct.get().date()))) {
            return Optional.of(new Found(direct.get().rate(), direct.get().date()));
        }
        return inverse.map(r -> new Found(BigDecimal.ONE.divide(r.rate(), MathContext.DECIMAL128), r.date()));
    }

    private static Optional<ExchangeRateDTO> latest(List<ExchangeRateDTO> rates, String from, String to, LocalDate day) {
        return rates.stream()
            .filter(r -> r.from().equals(from) && r.to().equals(to) && !r.date().isAfter(day))
            .max(Comparator.comparing(ExchangeRateDTO::date));
    }
}
