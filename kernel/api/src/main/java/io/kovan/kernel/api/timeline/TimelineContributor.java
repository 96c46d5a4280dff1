package io.kovan.kernel.api.timeline;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A module's part of the party timeline. Register an implementation as an OSGi service; the
 * kernel asks every registered contributor and merges their answers, newest first. Removing the
 * module removes its entries at once.
 *
 * @since 1.0
 */
@ConsumerType
public interface TimelineContributor {

    /**
     * The party's entries from this module, newest first: at most {@code limit}, and only those
     * strictly older than {@code before} when it is not null.
     */
    List<TimelineEntryDTO> entries(long partyId, Instant before, int limit);
}
