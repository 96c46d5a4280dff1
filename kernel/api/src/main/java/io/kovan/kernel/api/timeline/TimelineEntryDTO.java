package io.kovan.kernel.api.timeline;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One thing that happened with a party: {@code module} and {@code kind} say what it is
 * ({@code sales} / {@code order}), {@code title} says it in a line; the document fields (type,
 * id, number, state, amount, currency) are filled where the entry is a document.
 *
 * @since 1.0
 */
public record TimelineEntryDTO(Instant at, String module, String kind, String title, String documentType, String documentId, String number,
    String state, BigDecimal amount, String currency, String user) {
}
