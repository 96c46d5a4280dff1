package io.kovan.kernel.impl.rest;

import io.kovan.kernel.api.rest.Params;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.party.PartyDTO;
import io.kovan.kernel.api.party.PartyService;
import io.kovan.kernel.api.timeline.TimelineDTO;
import io.kovan.kernel.api.timeline.TimelineService;

/** {@code /api/core/parties}: customers, suppliers and other parties. */
@Component(service = PartyResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CoreApplication.SELECT)
@Path("parties")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PartyResource {

    private final PartyService parties;
    private final TimelineService timeline;

    @Activate
    public PartyResource(@Reference PartyService parties, @Reference TimelineService timeline) {
        this.parties = parties;
        this.timeline = timeline;
    }

    /** Filters: {@code role}, {@code kind}, {@code taxNumber}; {@code q} searches code, name, e-mail, tax number. */
    @GET
    public Page<PartyDTO> list(@Context UriInfo uri) {
        return parties.list(Params.page(uri, "role", "kind", "taxNumber", "phone"));
    }

    @POST
    public Response create(PartyDTO party, @Context UriInfo uri) {
        PartyDTO created = parties.create(Params.body(party));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build()).entity(created).build();
    }

    /** By id ({@code 42}) or code ({@code C-000042}). */
    @GET
    @Path("{id}")
    public PartyDTO get(@PathParam("id") String idOrCode) {
        return parties.find(idOrCode);
    }

    /**
     * What every installed module recorded about the party, newest first: {@code limit} (default
     * 50) entries older than {@code before} (an ISO-8601 time; the last entry's {@code at} pages back).
     */
    @GET
    @Path("{id}/timeline")
    public TimelineDTO timeline(@PathParam("id") String idOrCode, @Context UriInfo uri) {
        MultivaluedMap<String, String> query = Params.only(uri, "limit", "before");
        int limit = Params.integer("limit", query.getFirst("limit"), 50);
        java.time.Instant before = Params.instant("before", query.getFirst("before"));
        return timeline.timeline(parties.find(idOrCode).id(), before, limit);
    }

    @PUT
    @Path("{id}")
    public PartyDTO update(@PathParam("id") String id, PartyDTO party) {
        return parties.update(Params.id("Party", id), Params.body(party));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        parties.delete(Params.id("Party", id));
        return Response.noContent().build();
    }
}
