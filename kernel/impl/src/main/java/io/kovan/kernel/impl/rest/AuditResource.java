package io.kovan.kernel.impl.rest;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.kovan.kernel.api.Violations;
import io.kovan.kernel.api.audit.AuditEntryDTO;
import io.kovan.kernel.api.audit.AuditService;
import io.kovan.kernel.api.audit.AuditVerificationDTO;

/** {@code /api/core/audit}: a record's audited writes, and the check of the whole chain. */
@Component(service = AuditResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CoreApplication.SELECT)
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditService audit;

    @Activate
    public AuditResource(@Reference AuditService audit) {
        this.audit = audit;
    }

    /** {@code ?entity=core.party&id=42}: oldest first. */
    @GET
    public List<AuditEntryDTO> history(@QueryParam("entity") String entity, @QueryParam("id") String id) {
        new Violations().requireText("entity", entity, 64).requireText("id", id, 64).throwIfAny();
        return audit.history(entity, id);
    }

    @GET
    @Path("verify")
    public AuditVerificationDTO verify() {
        return audit.verify();
    }
}
