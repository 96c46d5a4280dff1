package io.kovan.kernel.api.webhook;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;

/**
 * Subscribes other systems to Kovan's domain events. Every committed event that matches a
 * webhook becomes a delivery in the same transaction as the event, so nothing is sent for a
 * rolled-back transaction and nothing is lost at a restart. Deliveries are JSON POSTs with the
 * HMAC-SHA256 of the body, keyed by the webhook's secret, in {@code X-Kovan-Signature:
 * sha256=<hex>}; they are delivered at least once, and in order per record.
 *
 * @since 1.0
 */
@ProviderType
public interface WebhookService {

    /** Registers a webhook; {@code url}, {@code events} and {@code secret} are required. */
    WebhookDTO create(WebhookDTO webhook);

    List<WebhookDTO> list();

    WebhookDTO get(long id);

    /** Removes the webhook and its deliveries, sent or not. */
    void delete(long id);

    /** The webhook's deliveries, newest first; filter {@code status}. */
    Page<WebhookDeliveryDTO> deliveries(long webhookId, PageRequest page);

    /** Sends a delivery again soon, whatever its state: for one that failed, or a receiver that lost it. */
    WebhookDeliveryDTO redeliver(long webhookId, long deliveryId);
}
