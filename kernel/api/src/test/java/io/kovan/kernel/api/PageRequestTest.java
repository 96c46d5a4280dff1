package io.kovan.kernel.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void defaultsWhenParametersAreAbsent() {
        PageRequest r = PageRequest.parse(null, null, " ", null, null);
        assertEquals(0, r.offset());
        assertEquals(PageRequest.DEFAULT_LIMIT, r.limit());
        assertNull(r.q());
        assertEquals("name", r.sortField(Set.of("name"), "name"));
    }

    @Test
    void namesTheBadParameter() {
        assertEquals("limit", assertThrows(ValidationException.class,
            () -> PageRequest.parse("0", "abc", null, null, null)).violations().get(0).field());
        assertEquals("offset", assertThrows(ValidationException.class,
            () -> PageRequest.parse("-1", "10", null, null, null)).violations().get(0).field());
        assertEquals("limit", assertThrows(ValidationException.class,
            () -> PageRequest.parse("0", "501", null, null, null)).violations().get(0).field());
        assertEquals("sort", assertThrows(ValidationException.class,
            () -> PageRequest.parse(null, null, null, "-password", null).sortField(Set.of("name"), "name"))
            .violations().get(0).field());
    }

    @Test
    void descendingSortAndFilters() {
        PageRequest r = PageRequest.parse("10", "20", "acme", "-name", Map.of("role", " CUSTOMER ", "kind", ""));
        assertTrue(r.descending());
        assertEquals("name", r.sortField(Set.of("name", "code"), "code"));
        assertEquals("CUSTOMER", r.filter("role"));
        assertNull(r.filter("kind"));
        assertEquals("acme", r.q());
    }

    @Test
    void pageMapsItemsAndKeepsTheWindow() {
        Page<Integer> page = new Page<>(java.util.List.of(1, 2), 7, 2, 2);
        Page<String> mapped = page.map(i -> "#" + i);
        assertEquals(java.util.List.of("#1", "#2"), mapped.items());
        assertEquals(7, mapped.total());
        assertEquals(2, mapped.offset());
    }
}
