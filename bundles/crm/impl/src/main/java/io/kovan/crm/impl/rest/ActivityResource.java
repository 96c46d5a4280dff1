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
import io.kovan.crm.api.ActivityDTO;
import io.kovan.crm.api.ActivityService;

/** {@code /api/crm/activities}. */
@Component(service = ActivityResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CrmApplication.SELECT)
@Path("activities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ActivityResource {

    /** The outcome of a completed activity. */
    public record Outcome(String outcome) {
    }

    private final ActivityService activities;

    @Activate
    public ActivityResource(@Reference ActivityService activities) {
        this.activities = activities;
    }

    @GET
    public Page<ActivityDTO> list(@Context UriInfo uri) {
        return activities.list(Params.page(uri, "owner", "type", "lead", "opportunity", "party", "case", "done", "overdue"));
    }

    @POST
    public Response create(ActivityDTO activity) {
        return Response.status(Response.Status.CREATED).entity(activities.create(Params.body(activity))).build();
    }

    @GET
    @Path("{id}")
    public ActivityDTO get(@PathParam("id") String id) {
        return activities.get(Params.id("Activity", id));
    }

    @PUT
    @Path("{id}")
    public ActivityDTO update(@PathParam("id") String id, ActivityDTO activity) {
        return activities.update(Params.id("Activity", id), Params.body(activity));
    }

    @POST
    @Path("{id}/complete")
    public ActivityDTO complete(@PathParam("id") String id, Outcome outcome) {
        return activities.complete(Params.id("Activity", id), outcome == null ? null : outcome.outcome());
    }
}
