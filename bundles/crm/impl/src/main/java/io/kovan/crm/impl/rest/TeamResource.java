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

import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.rest.Params;
import io.kovan.crm.api.TargetDTO;
import io.kovan.crm.api.TeamDTO;
import io.kovan.crm.api.TeamService;

/** {@code /api/crm/teams} and their members' targets. */
@Component(service = TeamResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CrmApplication.SELECT)
@Path("teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamResource {

    private final TeamService teams;

    @Activate
    public TeamResource(@Reference TeamService teams) {
        this.teams = teams;
    }

    /** A page of them, in their own order; {@code q} searches. */
    @GET
    public Page<TeamDTO> list(@Context UriInfo uri) {
        return Page.slice(teams.list(), Params.page(uri), t -> t.name() + " " + t.leader());
    }

    @POST
    public Response create(TeamDTO team) {
        return Response.status(Response.Status.CREATED).entity(teams.create(Params.body(team))).build();
    }

    @GET
    @Path("{id}")
    public TeamDTO get(@PathParam("id") String id) {
        return teams.get(Params.id("Team", id));
    }

    @PUT
    @Path("{id}")
    public TeamDTO update(@PathParam("id") String id, TeamDTO team) {
        return teams.update(Params.id("Team", id), Params.body(team));
    }

    @GET
    @Path("{id}/targets")
    public List<TargetDTO> targets(@PathParam("id") String id, @Context UriInfo uri) {
        return teams.targets(Params.id("Team", id), Params.only(uri, "month").getFirst("month"));
    }

    /** Sets a member's target for a month (replacing an earlier one). */
    @PUT
    @Path("{id}/targets")
    public TargetDTO setTarget(@PathParam("id") String id, TargetDTO target) {
        return teams.setTarget(Params.id("Team", id), Params.body(target));
    }
}
