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
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.kovan.crm.api.SegmentDTO;
import io.kovan.crm.api.SegmentMemberDTO;
import io.kovan.crm.api.SegmentService;
import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;
import io.kovan.kernel.api.rest.Params;

/** {@code /api/crm/segments}: saved filters over leads and parties. */
@Component(service = SegmentResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CrmApplication.SELECT)
@Path("segments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SegmentResource {

    private final SegmentService segments;

    @Activate
    public SegmentResource(@Reference SegmentService segments) {
        this.segments = segments;
    }

    /** A page of them, in their own order; {@code q} searches. */
    @GET
    public Page<SegmentDTO> list(@Context UriInfo uri) {
        return Page.slice(segments.list(), Params.page(uri), s -> s.name());
    }

    @POST
    public Response create(SegmentDTO segment) {
        return Response.status(Response.Status.CREATED).entity(segments.create(Params.body(segment))).build();
    }

    @GET
    @Path("{id}")
    public SegmentDTO get(@PathParam("id") String id) {
        return segments.get(Params.id("Segment", id));
    }

    @PUT
    @Path("{id}")
    public SegmentDTO update(@PathParam("id") String id, SegmentDTO segment) {
        return segments.update(Params.id("Segment", id), Params.body(segment));
    }

    /** The leads or parties in the segment now. */
    @GET
    @Path("{id}/members")
    public Page<SegmentMemberDTO> members(@PathParam("id") String id, @Context UriInfo uri) {
        MultivaluedMap<String, String> q = Params.only(uri, "offset", "limit");
        PageRequest page = PageRequest.parse(q.getFirst("offset"), q.getFirst("limit"), null, null, null);
        return segments.members(Params.id("Segment", id), page.offset(), page.limit());
    }
}
