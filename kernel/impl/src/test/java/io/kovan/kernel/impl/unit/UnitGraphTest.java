package io.kovan.kernel.impl.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.kovan.kernel.api.unit.UnitConversionDTO;

class UnitGraphTest {

    private final UnitGraph graph = new UnitGraph(List.of(
        new UnitConversionDTO("BOX", "PCS", new BigDecimal("12")),
        new UnitConversionDTO("PALLET", "BOX", new BigDecimal("40")),
        new UnitConversionDTO("KG", "G", new BigDecimal("1000"))));

    @Test
    void directConversion() {
        assertEquals(0, new BigDecimal("12").compareTo(graph.factor("BOX", "PCS").orElseThrow()));
    }

    @Test
    void inverseConversion() {
        BigDecimal factor = graph.factor("PCS", "BOX").orElseThrow();
        assertEquals(new BigDecimal("3.00"), new BigDecimal("36").multiply(factor).setScale(2, RoundingMode.HALF_UP));
    }

    @Test
    void chainedConversionsMultiply() {
        assertEquals(0, new BigDecimal("480").compareTo(graph.factor("PALLET", "PCS").orElseThrow()));
        BigDecimal back = graph.factor("PCS", "PALLET").orElseThrow();
        assertEquals(new BigDecimal("1.0000"), new BigDecimal("480").multiply(back).setScale(4, RoundingMode.HALF_UP));
    }

    @Test
    void aUnitConvertsToItselfWithFactorOne() {
        assertEquals(BigDecimal.ONE, graph.factor("KG", "KG").orElseThrow());
    }

    @Test
    void unconnectedUnitsHaveNoConversion() {
        assertTrue(graph.factor("KG", "PCS").isEmpty());
        assertTrue(graph.factor("LIGHTYEAR", "PCS").isEmpty());
    }
}
