package io.kovan.kernel.impl.numbering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.kovan.kernel.api.numbering.NumberSeriesDTO;

class NumberFormatTest {

    @Test
    void yearlySeriesCarryTheYear() {
        assertEquals("SO-2026-000042", NumberFormat.format(new NumberSeriesDTO("SO", "SO", true, 6, null), 2026, 42));
    }

    @Test
    void otherSeriesDoNot() {
        assertEquals("C-000042", NumberFormat.format(new NumberSeriesDTO("C", "C", false, 6, null), 0, 42));
    }

    @Test
    void numbersLongerThanThePaddingAreKeptWhole() {
        assertEquals("RMA-2026-123456", NumberFormat.format(new NumberSeriesDTO("RMA", "RMA", true, 3, null), 2026, 123456));
        assertEquals("X-7", NumberFormat.format(new NumberSeriesDTO("X", "X", false, 1, null), 0, 7));
    }
}
