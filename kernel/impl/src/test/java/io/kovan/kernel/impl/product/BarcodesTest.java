package io.kovan.kernel.impl.product;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BarcodesTest {

    /** Published examples: EAN-13 4006381333931, EAN-8 73513537, UPC-A 036000291452, GTIN-14 10614141000415. */
    @ParameterizedTest
    @ValueSource(strings = {"4006381333931", "73513537", "036000291452", "10614141000415"})
    void acceptsGs1CodesWithTheirCheckDigit(String code) {
        assertTrue(Barcodes.isValid(code), code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4006381333932", "73513538", "036000291453", "123", "40063813339", "400638133393A", ""})
    void refusesWrongCheckDigitsLengthsAndLetters(String code) {
        assertFalse(Barcodes.isValid(code), code);
    }
}
