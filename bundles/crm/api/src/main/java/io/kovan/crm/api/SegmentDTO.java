package io.kovan.crm.api;

import java.util.Map;

/**
 * A saved filter over leads or parties. Lead filters: {@code status}, {@code source},
 * {@code campaign} (id), {@code owner}, {@code minScore}, {@code q}; party filters: {@code role},
 * {@code kind}, {@code q} — the same as the lists' query parameters.
 */
public record SegmentDTO(Long id, String name, SegmentTarget target, Map<String, String> filters, Long version) {
}
