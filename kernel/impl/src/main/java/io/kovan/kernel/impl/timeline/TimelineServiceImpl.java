package io.kovan.kernel.impl.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kovan.kernel.api.Violations;
import io.kovan.kernel.api.party.PartyService;
import io.kovan.kernel.api.timeline.TimelineContributor;
import io.kovan.kernel.api.timeline.TimelineDTO;
import io.kovan.kernel.api.timeline.TimelineEntryDTO;
import io.kovan.kernel.api.timeline.TimelineService;

/**
 * Asks every registered contributor for its newest entries before the cursor and merges them.
 * A contributor that fails is named in {@code unavailable} rather than failing the timeline:
 * one module's trouble should not hide what the others know about a customer.
 */
@Component(service = TimelineService.class)
public class TimelineServiceImpl implements TimelineService {

    private static final Logger LOG = LoggerFactory.getLogger(TimelineServiceImpl.class);
    private static final Comparator<TimelineEntryDTO> NEWEST_FIRST = Comparator.comparing(TimelineEntryDTO::at).reversed()
        .thenComparing(TimelineEntryDTO::module).thenComparing(e -> e.documentId() == null ? "" : e.documentId());

    private final PartyService parties;
    private final Map<TimelineContributor, String> contributors = new ConcurrentHashMap<>();

    @Activate
    public TimelineServiceImpl(@Reference PartyService parties) {
        this.parties = parties;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addContributor(TimelineContributor contributor, ServiceReference<TimelineContributor> reference) {
        Object module = reference.getBundle().getHeaders().get("Kovan-Module");
        contributors.put(contributor, module != null ? module.toString() : reference.getBundle().getSymbolicName());
    }

    void removeContributor(TimelineContributor contributor) {
        contributors.remove(contributor);
    }

    @Override
    public TimelineDTO timeline(long partyId, Instant before, int limit) {
        new Violations().check(limit >= 1 && limit <= 500, "limit", "must be between 1 and 500").throwIfAny();
        parties.get(partyId);
        List<TimelineEntryDTO> merged = new ArrayList<>();
        TreeSet<String> unavailable = new TreeSet<>();
        contributors.forEach((contributor, module) -> {
            try {
                contributor.entries(partyId, before, limit).stream().filter(e -> e.at() != null && (before == null || e.at().isBefore(before)))
                    .limit(limit).forEach(merged::add);
            } catch (RuntimeException e) {
                LOG.warn("Timeline entries of module {} for party {} could not be read", module, partyId, e);
                unavailable.add(module);
            }
        });
        merged.sort(NEWEST_FIRST);
        return new TimelineDTO(partyId, merged.subList(0, Math.min(limit, merged.size())), List.copyOf(unavailable));
    }
}
