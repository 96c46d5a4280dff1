package io.kovan.kernel.api.event;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Hears events inside the publishing transaction, to keep data consistent: a thrown exception
 * rolls the whole operation back. Register as a service with {@link #EVENTS} naming the events:
 * an exact name, {@code sales.*}, {@code *.created} or {@code *}. For work after the commit,
 * use an OSGi EventAdmin handler on the topic {@code kovan/<module>/<entity>/<event>} instead.
 *
 * @since 1.0
 */
@ConsumerType
public interface TransactionalEventListener {

    String EVENTS = "kovan.events";

    void onEvent(DomainEvent event);
}
