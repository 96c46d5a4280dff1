package io.kovan.kernel.api.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import javax.persistence.Query;

import org.junit.jupiter.api.Test;

class InListTest {

    @Test
    void listsOfManySizesShareAFewStatements() {
        assertEquals("?", InList.placeholders(1));
        assertEquals("?, ?", InList.placeholders(2));
        assertEquals("?, ?, ?, ?", InList.placeholders(3));
        assertEquals(8, InList.placeholders(5).split(", ").length);
        assertEquals(512, InList.placeholders(500).split(", ").length);
        assertEquals(10, IntStream.rangeClosed(1, InList.MAX).mapToObj(InList::placeholders).distinct().count());
    }

    @Test
    void thePaddingRepeatsTheLastIdSoTheAnswerIsTheSame() {
        Map<Integer, Object> bound = new TreeMap<>();
        Query query = (Query) Proxy.newProxyInstance(Query.class.getClassLoader(), new Class<?>[] {Query.class}, (proxy, method, args) -> {
            if (method.getName().equals("setParameter") && args[0] instanceof Integer position) {
                bound.put(position, args[1]);
            }
            return proxy;
        });
        assertEquals(6, InList.bind(query, 2, List.of(7L, 8L, 9L)));
        assertEquals(Map.of(2, 7L, 3, 8L, 4, 9L, 5, 9L), bound);
    }

    @Test
    void anEmptyOrOversizedListIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> InList.placeholders(0));
        assertThrows(IllegalArgumentException.class, () -> InList.placeholders(InList.MAX + 1));
    }
}
