package io.kovan.crm.impl.rest;

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

import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.rest.Params;
import io.kovan.crm.api.OpportunityDTO;
import io.kovan.crm.api.OpportunityService;
import io.kovan.crm.api.StageChangeDTO;
import io.kovan.kernel.api.document.DocumentFlowDTO;
import io.kovan.kernel.api.document.DocumentFlowService;

/** {@code /api/crm/opportunities}. */
@Component(service = OpportunityResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CrmApplication.SELECT)
@Path("opportunities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OpportunityResource {

    private final OpportunityService opportunities;
    private final DocumentFlowService flow;

    @Activate
    public OpportunityResource(@Reference OpportunityService opportunities, @Reference DocumentFlowService flow) {
        this.opportunities = opportunities;
        this.flow = flow;
    }

    @GET
    public Page<OpportunityDTO> list(@Context UriInfo uri) {
        return opportunities.list(Params.page(uri, "stage", "owner", "party", "campaign", "team", "open"));
    }

    @POST
    public Response create(OpportunityDTO opportunity) {
        return Response.status(Response.Status.CREATED).entity(opportunities.create(Params.body(opportunity))).build();
    }

    @GET
    @Path("{id}")
    public OpportunityDTO get(@PathParam("id") String id) {
        return opportunities.get(Params.id("Opportunity", id));
    }

    @PUT
    @Path("{id}")
    public OpportunityDTO update(@PathParam("id") String id, OpportunityDTO opportunity) {
        return opportunities.update(Params.id("Opportunity", id), Params.body(opportunity));
    }

    /** Moves the opportunity to another stage (a workflow transition: guards may refuse with 409). */
    @POST
    @Path("{id}/stage")
    public OpportunityDTO stage(@PathParam("id") String id, StageChangeDTO change) {
        return opportunities.changeStage(Params.id("Opportunity", id), Params.body(change));
    }

    /** The documents connected to the opportunity: its lead and, with sales installed, its quotes and orders. */
    @GET
    @Path("{id}/documents")
    public DocumentFlowDTO documents(@PathParam("id") String id) {
        long opportunity = Params.id("Opportunity", id);
        opportunities.get(opportunity);
        return flow.flow(OpportunityService.DOCUMENT_TYPE, opportunity);
    }
}
