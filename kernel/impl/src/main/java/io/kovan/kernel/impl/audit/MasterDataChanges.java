package io.kovan.kernel.impl.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.kernel.api.audit.AuditService;
import io.kovan.kernel.api.event.EventPublisher;

/**
 * What every write of the kernel's reference data (units, currencies, rates, companies) leaves
 * behind, in the writing transaction: a {@code core.<entity>.<action>} event and an audit entry.
 */
@Component(service = MasterDataChanges.class)
public class MasterDataChanges {

    private final EventPublisher events;
    private final AuditService audit;

    @Activate
    public MasterDataChanges(@Reference EventPublisher events, @Reference AuditService audit) {
        this.events = events;
        this.audit = audit;
    }

    /** {@code entity} is {@code core.<entity>}; {@code data} are the event's key figures (its {@code id} is added). */
    public void written(String entity, String id, String action, Record before, Record after, Map<String, Object> data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", id);
        event.putAll(data);
        events.publish(entity + "." + action, event);
        audit.record(entity, id, action, AuditService.diff(before, after));
    }
}
