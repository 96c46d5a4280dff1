package io.kovan.kernel.impl.currency;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CurrencyCodesTest {

    @Test
    void acceptsIso4217CodesCurrentAndHistoric() {
        for (String code : new String[] {"TRY", "EUR", "USD", "JPY", "KWD", "TRL"}) {
            assertTrue(CurrencyServiceImpl.isIso4217(code), code);
        }
    }

    @Test
    void refusesLookAlikes() {
        for (String code : new String[] {"ABC", "QQQ", "EU", "try", "EURO"}) {
            assertFalse(CurrencyServiceImpl.isIso4217(code), code);
        }
    }
}
