package io.kovan.kernel.api.validation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaxNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"1234567890", "1111111114"})
    void acceptsVknsWithTheirCheckDigit(String vkn) {
        assertTrue(TaxNumbers.isValidVkn(vkn), vkn);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567891", "1234567899", "12", "123456789", "12345678901", "12345abcde", ""})
    void refusesMalformedVkns(String vkn) {
        assertFalse(TaxNumbers.isValidVkn(vkn), vkn);
    }

    @Test
    void everyNinePrefixHasExactlyOneCheckDigit() {
        for (String prefix : new String[] {"123456789", "000000000", "987654321", "555555555"}) {
            int valid = 0;
            for (int d = 0; d <= 9; d++) {
                if (TaxNumbers.isValidVkn(prefix + d)) {
                    valid++;
                }
            }
            assertTrue(valid == 1, prefix + " has " + valid + " valid check digits");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"10000000146", "12345678950", "11111111110"})
    void acceptsTckns(String tckn) {
        assertTrue(TaxNumbers.isValidTckn(tckn), tckn);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10000000147", "12345678951", "01234567890", "1234567890", "1234567895a"})
    void refusesBadTckns(String tckn) {
        assertFalse(TaxNumbers.isValidTckn(tckn), tckn);
    }

    @Test
    void nullIsNeverValid() {
        assertFalse(TaxNumbers.isValidVkn(null));
        assertFalse(TaxNumbers.isValidTckn(null));
    }
}
