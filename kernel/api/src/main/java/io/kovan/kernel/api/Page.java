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

    /**
     * A page of a short list held in memory (units, currencies, users …), kept in its own order:
     * {@code q} keeps the items whose {@code text} contains it, ignoring case; a {@code sort} is
     * refused, as such lists have one natural order.
     */
    public static <T> Page<T> slice(List<T> all, PageRequest request, Function<? super T, String> text) {
        if (request.sort() != null) {
            throw new ValidationException("sort", "this list keeps its own order");
        }
        String wanted = request.q() == null ? null : request.q().toLowerCase(java.util.Locale.ROOT);
        List<T> matching = wanted == null ? all : all.stream()
            .filter(item -> text.apply(item) != null && text.apply(item).toLowerCase(java.util.Locale.ROOT).contains(wanted)).toList();
        int from = Math.min(request.offset(), matching.size());
        int to = Math.min(matching.size(), from + request.limit());
        return new Page<>(matching.subList(from, to), matching.size(), request.offset(), request.limit());
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), total, offset, limit);
    }
}
