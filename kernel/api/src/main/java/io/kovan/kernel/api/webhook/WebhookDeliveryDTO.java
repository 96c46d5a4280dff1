package io.kovan.kernel.api.webhook;

import java.time.Instant;

/**
 * One event to one webhook: {@code PENDING} until the receiver answers 2xx ({@code DELIVERED}),
 * retried with growing waits, and {@code FAILED} once the attempts are used up.
 * {@code documentKey} ({@code <module>.<entity>:<id>}) is what deliveries are ordered by.
 *
 * @since 1.0
 */
public record WebhookDeliveryDTO(long id, long webhookId, long eventId, String event, String documentKey, Status status, int attempts,
    Instant createdAt, Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatusCode, String lastError, Instant deliveredAt) {

    public enum Status {
        PENDING, DELIVERED, FAILED
    }
}
