package io.kovan.kernel.api.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PhonesTest {

    @Test
    void oneLineWrittenManyWays() {
        assertEquals("2125550102", Phones.key("+90 (212) 555 01 02"));
        assertEquals("2125550102", Phones.key("0212 555 0102"));
        assertEquals("2125550102", Phones.key("212-555-0102"));
        assertEquals("5550102", Phones.key("555 01 02"));
    }

    @Test
    void tooShortOrAbsentIsNoKey() {
        assertNull(Phones.key(null));
        assertNull(Phones.key("112"));
        assertNull(Phones.key("ext. 42"));
    }
}
