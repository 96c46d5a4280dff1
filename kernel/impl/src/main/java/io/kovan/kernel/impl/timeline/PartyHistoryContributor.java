package io.kovan.kernel.impl.timeline;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.kernel.api.audit.AuditEntryDTO;
import io.kovan.kernel.api.audit.AuditService;
import io.kovan.kernel.api.timeline.TimelineContributor;
import io.kovan.kernel.api.timeline.TimelineEntryDTO;

/** The kernel's own part of a party's timeline: when the party was created and what was changed on it. */
@Component(service = TimelineContributor.class)
public class PartyHistoryContributor implements TimelineContributor {

    private final AuditService audit;

    @Activate
    public PartyHistoryContributor(@Reference AuditService audit) {
        this.audit = audit;
    }

    @Override
    public List<TimelineEntryDTO> entries(long partyId, Instant before, int limit) {
        return audit.history("core.party", String.valueOf(partyId)).stream()
            .filter(e -> before == null || e.at().isBefore(before))
            .sorted(Comparator.comparingLong(AuditEntryDTO::sequence).reversed())
            .limit(limit)
            .map(e -> new TimelineEntryDTO(e.at(), "core", "party." + e.action(), title(e), "core.party", e.entityId(), null, null, null, null,
                e.user()))
            .toList();
    }

    private static String title(AuditEntryDTO e) {
        return switch (e.action()) {
            case "created" -> "Party created";
            case "updated" -> "Party updated: " + String.join(", ", new java.util.TreeSet<>(e.changes().keySet()));
            default -> "Party " + e.action();
        };
    }
}
