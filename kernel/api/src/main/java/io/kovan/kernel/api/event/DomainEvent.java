package io.kovan.kernel.api.event;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened to a record: {@code name} is {@code <module>.<entity>.<event>}
 * ({@code core.party.created}), {@code data} carries ids and key figures (strings, numbers,
 * booleans). {@code id} and {@code at} are set when it is published.
 */
public record DomainEvent(long id, String name, Map<String, Object> data, Instant at, String user) {

    /** The EventAdmin topic of an event name: {@code core.party.created} → {@code kovan/core/party/created}. */
    public static String topic(String name) {
        return "kovan/" + name.replace('.', '/');
    }
}
