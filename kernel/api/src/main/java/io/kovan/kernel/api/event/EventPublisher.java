package io.kovan.kernel.api.event;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Publishes domain events. Inside the caller's transaction, every {@link TransactionalEventListener}
 * whose pattern matches runs at once (its exception rolls the operation back) and the event is
 * stored in the outbox; after the transaction commits — never if it rolls back — it is posted
 * on OSGi EventAdmin under {@link DomainEvent#topic}.
 *
 * @since 1.0
 */
@ProviderType
public interface EventPublisher {

    /** Publishes {@code name} ({@code <module>.<entity>.<event>}) with its data; returns the stored event. */
    DomainEvent publish(String name, Map<String, Object> data);
}
