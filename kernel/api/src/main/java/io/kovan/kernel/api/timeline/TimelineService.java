package io.kovan.kernel.api.timeline;

import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Merges every {@link TimelineContributor}'s entries about a party.
 *
 * @since 1.0
 */
@ProviderType
public interface TimelineService {

    /** At most {@code limit} entries (1 to 500), newest first, older than {@code before} if given; 404 for an unknown party. */
    TimelineDTO timeline(long partyId, Instant before, int limit);
}
