package io.kovan.kernel.api;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: the items, the total count matching the filter, and the window asked for.
 *
 * @since 1.0
 */
public record Page<T>(List<T> items, long total, int offset, int limit) {

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), total, offset, limit);
    }
}
