package io.kovan.crm.impl.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.kovan.crm.api.AutomationRuleDTO;
import io.kovan.crm.api.AutomationRunDTO;
import io.kovan.crm.api.SegmentService;
import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.rest.Params;

/** {@code /api/crm/automation-rules}: when an event happens to a record of a segment, then an action. */
@Component(service = AutomationRuleResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CrmApplication.SELECT)
@Path("automation-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AutomationRuleResource {

    private final SegmentService segments;

    @Activate
    public AutomationRuleResource(@Reference SegmentService segments) {
        this.segments = segments;
    }

    /** A page of them, in their own order; {@code q} searches. */
    @GET
    public Page<AutomationRuleDTO> list(@Context UriInfo uri) {
        return Page.slice(segments.rules(), Params.page(uri), r -> r.name() + " " + r.event());
    }

    @POST
    public Response create(AutomationRuleDTO rule) {
        return Response.status(Response.Status.CREATED).entity(segments.createRule(Params.body(rule))).build();
    }

    @GET
    @Path("{id}")
    public AutomationRuleDTO get(@PathParam("id") String id) {
        return segments.getRule(Params.id("Automation rule", id));
    }

    @PUT
    @Path("{id}")
    public AutomationRuleDTO update(@PathParam("id") String id, AutomationRuleDTO rule) {
        return segments.updateRule(Params.id("Automation rule", id), Params.body(rule));
    }

    /** The rule's latest runs, newest first ({@code limit}, default 50). */
    @GET
    @Path("{id}/runs")
    public List<AutomationRunDTO> runs(@PathParam("id") String id, @Context UriInfo uri) {
        int limit = Params.integer("limit", Params.only(uri, "limit").getFirst("limit"), 50);
        if (limit < 1 || limit > io.kovan.kernel.api.PageRequest.MAX_LIMIT) {
            throw new io.kovan.kernel.api.ValidationException("limit", "must be between 1 and " + io.kovan.kernel.api.PageRequest.MAX_LIMIT);
        }
        return segments.runs(Params.id("Automation rule", id), limit);
    }
}
