package io.kovan.kernel.impl.whiteboard;

import java.util.Comparator;
import java.util.Map;

import org.osgi.framework.Constants;

/**
 * A service of one of the kernel's whiteboards (workflow guards and actions, event listeners)
 * with what orders it: highest {@code service.ranking} first, ties by lowest {@code service.id},
 * i.e. the one registered first.
 */
public record Ranked<T>(T service, int ranking, long serviceId, Map<String, Object> properties) {

    public static final Comparator<Ranked<?>> ORDER = Comparator.<Ranked<?>>comparingInt(r -> -r.ranking()).thenComparingLong(Ranked::serviceId);

    public static <T> Ranked<T> of(T service, Map<String, Object> properties) {
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        return new Ranked<>(service, ranking instanceof Integer r ? r : 0, ((Number) properties.get(Constants.SERVICE_ID)).longValue(),
            Map.copyOf(properties));
    }

    /** A service property as text, or {@code fallback} when absent. */
    public String property(String name, String fallback) {
        Object value = properties.get(name);
        return value == null ? fallback : value.toString();
    }
}
