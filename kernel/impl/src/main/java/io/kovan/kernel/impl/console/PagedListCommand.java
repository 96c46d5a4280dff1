package io.kovan.kernel.impl.console;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Option;

import io.kovan.kernel.api.PageRequest;
import io.kovan.kernel.api.ValidationException;

/** The paging options every {@code *-list} command shares, as the REST lists have them. */
abstract class PagedListCommand implements Action {

    @Option(name = "-q", aliases = "--query", description = "Text to search for")
    String query;

    @Option(name = "--offset", description = "Rows to skip")
    int offset;

    @Option(name = "--limit", description = "Rows to show (1-500)")
    int limit = PageRequest.DEFAULT_LIMIT;

    /** The page asked for, with the filters given (null values are left out). */
    PageRequest pageRequest(String... filterNamesAndValues) {
        Map<String, String> filters = new HashMap<>();
        for (int i = 0; i < filterNamesAndValues.length; i += 2) {
            if (filterNamesAndValues[i + 1] != null) {
                filters.put(filterNamesAndValues[i], filterNamesAndValues[i + 1]);
            }
        }
        return new PageRequest(offset, limit, query, null, filters);
    }

    static String orDash(Object value) {
        return value == null ? "-" : value.toString();
    }

    /** An optional decimal option; a malformed one is refused naming the option. */
    static BigDecimal decimal(String option, String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return new BigDecimal(raw);
        } catch (NumberFormatException e) {
            throw new ValidationException(option, "must be a decimal number");
        }
    }
}
