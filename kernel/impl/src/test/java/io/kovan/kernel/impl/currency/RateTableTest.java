package io.kovan.kernel.impl.currency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.kovan.kernel.api.currency.ExchangeRateDTO;

class RateTableTest {

    private static final LocalDate JAN = LocalDate.of(2026, 1, 2);
    private static final LocalDate JUN = LocalDate.of(2026, 6, 1);

    private final List<ExchangeRateDTO> rates = List.of(
        new ExchangeRateDTO("USD", "TRY", JAN, new BigDecimal("30.50")),
        new ExchangeRateDTO("USD", "TRY", JUN, new BigDecimal("34.00")),
        new ExchangeRateDTO("TRY", "EUR", JUN, new BigDecimal("0.025")));

    @Test
    void takesTheLatestRateOnOrBeforeTheDay() {
        RateTable.Found march = RateTable.find(rates, "USD", "TRY", LocalDate.of(2026, 3, 15)).orElseThrow();
        assertEquals(new BigDecimal("30.50"), march.rate());
        assertEquals(JAN, march.date());
        assertEquals(new BigDecimal("34.00"), RateTable.find(rates, "USD", "TRY", JUN).orElseThrow().rate());
    }

    @Test
    void invertsTheOppositePair() {
        RateTable.Found found = RateTable.find(rates, "TRY", "USD", LocalDate.of(2026, 7, 1)).orElseThrow();
        assertEquals(new BigDecimal("10.00"), new BigDecimal("340").multiply(found.rate()).setScale(2, RoundingMode.HALF_UP));
        assertEquals(JUN, found.date());
    }

    @Test
    void aMoreRecentOppositeRateWins() {
        List<ExchangeRateDTO> both = List.of(
            new ExchangeRateDTO("EUR", "TRY", JAN, new BigDecimal("33")),
            new ExchangeRateDTO("TRY", "EUR", JUN, new BigDecimal("0.025")));
        assertEquals(new BigDecimal("40.00"),
            RateTable.find(both, "EUR", "TRY", JUN).orElseThrow().rate().setScale(2, RoundingMode.HALF_UP));
    }

    @Test
    void onATieTheDirectRateWins() {
        List<ExchangeRateDTO> tie = List.of(
            new ExchangeRateDTO("EUR", "TRY", JUN, new BigDecimal("41")),
            new ExchangeRateDTO("TRY", "EUR", JUN, new BigDecimal("0.025")));
        assertEquals(new BigDecimal("41"), RateTable.find(tie, "EUR", "TRY", JUN).orElseThrow().rate());
    }

    @Test
    void noRateBeforeTheDayIsNoRate() {
        assertTrue(RateTable.find(rates, "USD", "TRY", LocalDate.of(2025, 12, 31)).isEmpty());
        assertTrue(RateTable.find(rates, "USD", "GBP", JUN).isEmpty());
    }
}
