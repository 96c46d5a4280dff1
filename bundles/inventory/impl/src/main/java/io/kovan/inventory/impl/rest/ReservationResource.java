package io.kovan.inventory.impl.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
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
import io.kovan.inventory.api.ReservationDTO;
import io.kovan.inventory.api.ReservationRequest;
import io.kovan.inventory.api.ReservationService;

/** {@code /api/inventory/reservations}. */
@Component(service = ReservationResource.class)
@JaxrsResource
@JaxrsApplicationSelect(InventoryApplication.SELECT)
@Path("reservations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReservationResource {

    private final ReservationService reservations;

    @Activate
    public ReservationResource(@Reference ReservationService reservations) {
        this.reservations = reservations;
    }

    @GET
    public Page<ReservationDTO> list(@Context UriInfo uri) {
        return reservations.list(Params.page(uri, "product", "warehouse", "documentType", "document", "state"));
    }

    /** Reserves for a document line; 409 when too little is available and allowPartial is not set. */
    @POST
    public Response reserve(ReservationRequest request) {
        return Response.status(Response.Status.CREATED).entity(reservations.reserve(Params.body(request))).build();
    }

    @GET
    @Path("{id}")
    public ReservationDTO get(@PathParam("id") String id) {
        return reservations.get(Params.id("Reservation", id));
    }

    /** Gives back what a document's reservations (or one line's, with lineId) still hold. */
    @POST
    @Path("release")
    public java.util.Map<String, Object> release(ReleaseRequest request) {
        ReleaseRequest r = Params.body(request);
        io.kovan.kernel.api.Violations v = new io.kovan.kernel.api.Violations();
        v.requireText("documentType", r.documentType(), 64).require("documentId", r.documentId()).throwIfAny();
        java.math.BigDecimal released = r.lineId() == null ? reservations.release(r.documentType(), r.documentId())
            : reservations.releaseLine(r.documentType(), r.documentId(), r.lineId());
        return java.util.Map.of("released", released);
    }

    /** What to release. */
    public record ReleaseRequest(String documentType, Long documentId, Long lineId) {
    }
}
