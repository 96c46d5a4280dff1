package io.kovan.kernel.api.persistence;

import java.util.List;

import javax.persistence.Query;

/**
 * An {@code IN} list of ids for a native query, bound as parameters and padded to a power of two
 * (by repeating its last id), so that the database sees a handful of distinct statements and keeps
 * their plans. A list of literals is a new statement for every set of ids: Derby compiled each one
 * (a tenth of a shipment's and an invoice's CPU in the order-to-cash benchmark) and pushed other
 * plans out of its cache. At most {@link #MAX} ids a list; split longer ones.
 */
public final class InList {

    public static final int MAX = 512;

    private InList() {
    }

    /** {@code ?, ?, …}: the placeholders for {@code count} ids, padded. */
    public static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(padded(count), "?"));
    }

    /** Binds the ids from parameter position {@code first}, padded as {@link #placeholders}; returns the next free position. */
    public static int bind(Query query, int first, List<Long> ids) {
        int size = padded(ids.size());
        for (int i = 0; i < size; i++) {
            query.setParameter(first + i, ids.get(Math.min(i, ids.size() - 1)));
        }
        return first + size;
    }

    static int padded(int count) {
        if (count < 1 || count > MAX) {
            throw new IllegalArgumentException("an IN list holds 1 to " + MAX + " ids, not " + count);
        }
        return Integer.highestOneBit(count) == count ? count : Integer.highestOneBit(count) << 1;
    }
}
