package io.kovan.kernel.api.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.UriInfo;

import io.kovan.kernel.api.NotFoundException;
import io.kovan.kernel.api.PageRequest;
import io.kovan.kernel.api.ValidationException;

/**
 * Reads path and query parameters as the client wrote them, so that a malformed one is a 400
 * naming it (JAX-RS itself would answer 404 for a query parameter it cannot convert).
 */
public final class Params {

    private static final List<String> PAGING = List.of("offset", "limit", "q", "sort");

    private Params() {
    }

    /** The paging parameters plus the named filters; any other query parameter is refused. */
    public static PageRequest page(UriInfo uri, String... filters) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        Map<String, String> given = new HashMap<>();
        List<String> allowed = List.of(filters);
        for (String name : query.keySet()) {
            if (!PAGING.contains(name) && !allowed.contains(name)) {
                throw new ValidationException(name, "is not a known parameter; use " + String.join(", ", PAGING)
                    + (filters.length == 0 ? "" : ", " + String.join(", ", allowed)));
            }
            if (allowed.contains(name)) {
                given.put(name, query.getFirst(name));
            }
        }
        return PageRequest.parse(query.getFirst("offset"), query.getFirst("limit"), query.getFirst("q"), query.getFirst("sort"), given);
    }

    /** A numeric id from the path; anything else cannot name a record, so it is a 404. */
    public static long id(String kind, String raw) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new NotFoundException(kind, raw);
        }
    }

    /** A numeric id or count from a query parameter: anything else is a 400 naming it. */
    public static long longValue(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new ValidationException(name, "is required");
        }
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(name, "must be a whole number");
        }
    }

    public static BigDecimal decimal(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new ValidationException(name, "is required");
        }
        try {
            return new BigDecimal(raw.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(name, "must be a decimal number");
        }
    }

    public static LocalDate date(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException(name, "must be a date as YYYY-MM-DD");
        }
    }

    /** A point in time as ISO-8601 with an offset ({@code 2026-11-24T10:15:30Z}), or null when absent. */
    public static java.time.Instant instant(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(raw.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new ValidationException(name, "must be a time as 2026-11-24T10:15:30Z");
        }
    }

    /** Whole number, or {@code fallback} when absent. */
    public static int integer(String name, String raw, int fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(name, "must be a whole number");
        }
    }

    /**
     * {@code true} or {@code false}, or {@code fallback} when absent.
     *
     * @since 1.2
     */
    public static boolean bool(String name, String raw, boolean fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        return switch (raw.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ValidationException(name, "must be true or false");
        };
    }

    /** Refuses any query parameter but the named ones, so that a misspelt one is a 400, not ignored. */
    public static MultivaluedMap<String, String> only(UriInfo uri, String... names) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        for (String name : query.keySet()) {
            if (!List.of(names).contains(name)) {
                throw new ValidationException(name, "is not a known parameter; use " + String.join(", ", names));
            }
        }
        return query;
    }

    /** A request body is required: an empty one is a 400, not a NullPointerException. */
    public static <T> T body(T body) {
        if (body == null) {
            throw new ValidationException("body", "a JSON body is required");
        }
        return body;
    }
}
