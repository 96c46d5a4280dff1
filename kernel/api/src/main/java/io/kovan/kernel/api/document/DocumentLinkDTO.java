package io.kovan.kernel.api.document;

/** Document {@code to} came from document {@code from} (an order from a quote). */
public record DocumentLinkDTO(String fromType, long fromId, String toType, long toId) {
}
