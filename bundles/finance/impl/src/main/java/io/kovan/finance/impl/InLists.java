package io.kovan.finance.impl;

import java.util.ArrayList;
import java.util.List;

/** IN lists of ids for native queries, 500 at most each, so that a thousand-line document takes a few statements and no database's limit. */
final class InLists {

    static final int SIZE = 500;

    private InLists() {
    }

    static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += SIZE) {
            chunks.add(all.subList(from, Math.min(all.size(), from + SIZE)));
        }
        return chunks;
    }

    /** The ids as SQL literals: numbers only, never a client's text. */
    static String of(List<Long> ids) {
        return String.join(", ", ids.stream().map(String::valueOf).toList());
    }
}
