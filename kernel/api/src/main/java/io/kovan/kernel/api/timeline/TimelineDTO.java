package io.kovan.kernel.api.timeline;

import java.util.List;

/**
 * A page of a party's timeline, newest first. {@code unavailable} names the modules whose
 * entries could not be read this time (the others are still shown). To read further back, ask
 * again with {@code before} = the {@code at} of the last entry.
 *
 * @since 1.0
 */
public record TimelineDTO(long partyId, List<TimelineEntryDTO> items, List<String> unavailable) {

    public TimelineDTO {
        items = List.copyOf(items);
        unavailable = List.copyOf(unavailable);
    }
}
