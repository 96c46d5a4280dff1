package io.kovan.kernel.impl.unit;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.kovan.kernel.api.unit.UnitConversionDTO;

/**
 * The conversions between units as a graph: each conversion is an edge both ways (the inverse
 * factor the other way), and a conversion between two units is the product along the shortest path.
 */
final class UnitGraph {

    private final Map<String, Map<String, BigDecimal>> edges = new HashMap<>();

    UnitGraph(List<UnitConversionDTO> conversions) {
        for (UnitConversionDTO c : conversions) {
            edges.computeIfAbsent(c.from(), k -> new HashMap<>()).put(c.to(), c.factor());
            edges.computeIfAbsent(c.to(), k -> new HashMap<>()).put(c.from(), BigDecimal.ONE.divide(c.factor(), MathContext.DECIMAL128));
        }
    }

    /** How many {@code to} make one {@code from}, if the two are connected. */
    Optional<BigDecimal> factor(String from, String to) {
        if (from.equals(to)) {
            return Optional.of(BigDecimal.ONE);
        }
        Map<String, BigDecimal> reached = new HashMap<>();
        reached.put(from, BigDecimal.ONE);
        Deque<String> queue = new ArrayDeque<>(List.of(from));
        while (!queue.isEmpty()) {
            String unit = queue.removeFirst();
            for (Map.Entry<String, BigDecimal> edge : edges.getOrDefault(unit, Map.of()).entrySet()) {
                if (!reached.containsKey(edge.getKey())) {
                    BigDecimal factor = reached.get(unit).multiply(edge.getValue(), MathContext.DECIMAL128);
                    if (edge.getKey().equals(to)) {
                        return Optional.of(factor);
                    }
                    reached.put(edge.getKey(), factor);
                    queue.addLast(edge.getKey());
                }
            }
        }
        return Optional.empty();
    }
}
