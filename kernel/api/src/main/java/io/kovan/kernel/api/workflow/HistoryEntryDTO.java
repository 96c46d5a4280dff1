package io.kovan.kernel.api.workflow;

import java.time.Instant;

/** One transition that happened: who, when, from, to, and the comment given. */
public record HistoryEntryDTO(String transition, String from, String to, String user, Instant at, String comment) {
}
