package io.kovan.kernel.impl.rest;

import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/core/ready}: answers once every other resource of the core application is there,
 * because it needs them all; {@code ./kovan start} waits for it. (Resources register one by one,
 * so a client that waited for any single one could still find the next missing.)
 */
@Component(service = ReadyResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CoreApplication.SELECT)
@Path("ready")
@Produces(MediaType.APPLICATION_JSON)
public class ReadyResource {

    @Activate
    public ReadyResource(@Reference AuditResource audit, @Reference CompanyResource companies, @Reference CurrencyResource currencies,
        @Reference DocumentResource documents, @Reference NumberingResource numbering, @Reference PartyResource parties,
        @Reference PermissionResource permissions, @Reference ProductResource products, @Reference RoleResource roles,
        @Reference UnitResource units, @Reference UserResource users, @Reference WebhookResource webhooks,
        @Reference WorkflowResource workflows) {
    }

    @GET
    public Map<String, Boolean> ready() {
        return Map.of("ready", true);
    }
}
