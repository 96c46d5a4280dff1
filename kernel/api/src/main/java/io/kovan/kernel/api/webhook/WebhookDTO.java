package io.kovan.kernel.api.webhook;

import java.time.Instant;
import java.util.List;

/**
 * A subscriber: committed events whose names match one of {@code events} (an exact name,
 * {@code sales.*}, {@code *.created} or {@code *}) are POSTed to {@code url}, signed with
 * {@code secret}. The secret is write-only: it is never returned.
 *
 * @since 1.0
 */
public record WebhookDTO(Long id, String url, List<String> events, String secret, Boolean active, Instant createdAt, String createdBy) {

    public WebhookDTO {
        events = events == null ? null : List.copyOf(events);
    }

    /** The same subscriber without its secret, as it is shown. */
    public WebhookDTO withoutSecret() {
        return new WebhookDTO(id, url, events, null, active, createdAt, createdBy);
    }
}
