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
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.rest.Params;
import io.kovan.crm.api.CampaignDTO;
import io.kovan.crm.api.CampaignMemberDTO;
import io.kovan.crm.api.CampaignService;

/** {@code /api/crm/campaigns} and their members. */
@Component(service = CampaignResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CrmApplication.SELECT)
@Path("campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CampaignResource {

    /** A member's response. */
    public record Response(String response) {
    }

    private final CampaignService campaigns;

    @Activate
    public CampaignResource(@Reference CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @GET
    public Page<CampaignDTO> list(@Context UriInfo uri) {
        return campaigns.list(Params.page(uri, "type", "active"));
    }

    @POST
    public javax.ws.rs.core.Response create(CampaignDTO campaign) {
        return created(campaigns.create(Params.body(campaign)));
    }

    /** By id or by code. */
    @GET
    @Path("{id}")
    public CampaignDTO get(@PathParam("id") String idOrCode) {
        return campaigns.find(idOrCode);
    }

    @PUT
    @Path("{id}")
    public CampaignDTO update(@PathParam("id") String id, CampaignDTO campaign) {
        return campaigns.update(Params.id("Campaign", id), Params.body(campaign));
    }

    @GET
    @Path("{id}/members")
    public List<CampaignMemberDTO> members(@PathParam("id") String id) {
        return campaigns.members(Params.id("Campaign", id));
    }

    @POST
    @Path("{id}/members")
    public javax.ws.rs.core.Response addMember(@PathParam("id") String id, CampaignMemberDTO member) {
        return created(campaigns.addMember(Params.id("Campaign", id), Params.body(member)));
    }

    @POST
    @Path("{id}/members/{member}/respond")
    public CampaignMemberDTO respond(@PathParam("id") String id, @PathParam("member") String member, Response response) {
        return campaigns.respond(Params.id("Campaign", id), Params.id("Campaign member", member), Params.body(response).response());
    }

    private static javax.ws.rs.core.Response created(Object entity) {
        return javax.ws.rs.core.Response.status(javax.ws.rs.core.Response.Status.CREATED).entity(entity).build();
    }
}
