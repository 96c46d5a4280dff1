package io.kovan.kernel.api;

import java.util.Map;
import java.util.Set;

/**
 * What a client asks of a list: window ({@code offset}, {@code limit}), free-text {@code q},
 * field filters and a sort field ({@code name} ascending, {@code -name} descending).
 * <p>
 * {@link #parse} validates raw query parameters and names the offending parameter in its
 * {@link ValidationException}, so REST resources accept parameters as strings and answer 400,
 * never 404 or 500, for a malformed one.
 *
 * @since 1.0
 */
public record PageRequest(int offset, int limit, String q, String sort, Map<String, String> filters) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public PageRequest {
        if (offset < 0) {
            throw new ValidationException("offset", "must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        q = (q == null || q.isBlank()) ? null : q.strip();
        sort = (sort == null || sort.isBlank()) ? null : sort.strip();
        filters = filters == null ? Map.of() : Map.copyOf(filters);
    }

    public static PageRequest of(int offset, int limit) {
        return new PageRequest(offset, limit, null, null, Map.of());
    }

    /** Parses raw query parameters; {@code null} means absent. */
    public static PageRequest parse(String offset, String limit, String q, String sort, Map<String, String> filters) {
        return new PageRequest(parseInt("offset", offset, 0), parseInt("limit", limit, DEFAULT_LIMIT), q, sort, filters);
    }

    /** The sort field without its direction, checked against the fields a list can sort by. */
    public String sortField(Set<String> allowed, String fallback) {
        if (sort == null) {
            return fallback;
        }
        String field = descending() ? sort.substring(1) : sort;
        if (!allowed.contains(field)) {
            throw new ValidationException("sort", "must be one of " + String.join(", ", allowed.stream().sorted().toList())
                + " (prefix with - to sort descending)");
        }
        return field;
    }

    public boolean descending() {
        return sort != null && sort.startsWith("-");
    }

    /** A filter's value, or {@code null} when the client gave none. */
    public String filter(String name) {
        String value = filters.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A whole-number filter (an id), or {@code null} when absent; anything else is a 400 naming it. */
    public Long longFilter(String name) {
        String raw = filter(name);
        if (raw == null) {
            return null;
        }
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new ValidationException(name, "must be a whole number");
        }
    }

    /** A {@code true}/{@code false} filter, or {@code null} when absent; anything else is a 400 naming it. */
    public Boolean booleanFilter(String name) {
        String raw = filter(name);
        if (raw == null) {
            return null;
        }
        if (!raw.equals("true") && !raw.equals("false")) {
            throw new ValidationException(name, "must be true or false");
        }
        return Boolean.valueOf(raw);
    }

    private static int parseInt(String name, String raw, int fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(name, "must be a whole number");
        }
    }
}
