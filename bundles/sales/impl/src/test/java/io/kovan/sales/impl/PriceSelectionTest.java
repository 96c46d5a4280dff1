package io.kovan.sales.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class PriceSelectionTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 15);

    private static PriceSelection.Candidate item(long list, String group, String from, String to, String min, String price) {
        return new PriceSelection.Candidate(list, group, from == null ? null : LocalDate.parse(from), to == null ? null : LocalDate.parse(to),
            new BigDecimal(min), new BigDecimal(price));
    }

    private static BigDecimal price(List<PriceSelection.Candidate> items, String group, String quantity) {
        return PriceSelection.pick(items, group, DAY, new BigDecimal(quantity)).map(PriceSelection.Candidate::price).orElse(null);
    }

    private final List<PriceSelection.Candidate> lists = List.of(
        item(1, null, null, null, "0", "100"),
        item(1, null, null, null, "10", "90"),
        item(1, null, null, null, "100", "80"),
        item(2, "DEALER", "2026-01-01", "2026-12-31", "0", "85"),
        item(2, "DEALER", "2026-01-01", "2026-12-31", "50", "75"));

    @Test
    void everyCustomerGetsTheDefaultListWithQuantityBreaks() {
        assertEquals(new BigDecimal("100"), price(lists, null, "9.999"));
        assertEquals(new BigDecimal("90"), price(lists, null, "10"));
        assertEquals(new BigDecimal("80"), price(lists, "RETAIL", "250"));
    }

    @Test
    void theCustomersGroupComesBeforeTheDefault() {
        assertEquals(new BigDecimal("85"), price(lists, "DEALER", "1"));
        assertEquals(new BigDecimal("75"), price(lists, "DEALER", "50"));
        // The group's list wins even where the default list has a larger break.
        assertEquals(new BigDecimal("75"), price(lists, "DEALER", "100"));
    }

    @Test
    void aListOutsideItsValidityDoesNotCount() {
        List<PriceSelection.Candidate> expired = List.of(item(1, null, null, null, "0", "100"), item(2, "DEALER", "2025-01-01", "2026-03-14", "0", "60"),
            item(3, "DEALER", "2026-03-16", null, "0", "50"));
        assertEquals(new BigDecimal("100"), price(expired, "DEALER", "1"));
        List<PriceSelection.Candidate> lastDay = List.of(item(2, "DEALER", "2026-03-01", "2026-03-15", "0", "60"));
        assertEquals(new BigDecimal("60"), price(lastDay, "DEALER", "1"));
    }

    @Test
    void noApplicableItemMeansNoListPrice() {
        assertTrue(PriceSelection.pick(List.of(item(1, null, null, null, "5", "10"), item(2, "DEALER", null, null, "0", "9")), "OTHER", DAY,
            BigDecimal.ONE).isEmpty());
    }

    @Test
    void onATieTheLaterListWins() {
        List<PriceSelection.Candidate> two = List.of(item(1, null, "2026-01-01", null, "0", "100"), item(2, null, "2026-03-01", null, "0", "95"));
        assertEquals(new BigDecimal("95"), price(two, null, "1"));
    }
}
