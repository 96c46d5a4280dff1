package io.kovan.finance.impl;

import java.util.ArrayList;
import java.util.List;

import io.kovan.kernel.api.persistence.InList;

/** IN lists of ids for native queries, at most InList.MAX each, so that a thousand-line document takes a few statements and no database's limit. */
final class InLists {

    /** As many ids as a bound {@code IN} list takes (kernel's {@code InList}); rows of a multi-row insert too. */
    static final int SIZE = InList.MAX;

    private InLists() {
    }

    static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += SIZE) {
            chunks.add(all.subList(from, Math.min(all.size(), from + SIZE)));
        }
        return chunks;
    }
}
