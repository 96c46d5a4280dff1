package io.kovan.sales.impl.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
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
import io.kovan.sales.api.ShipmentDTO;
import io.kovan.sales.api.ShipmentService;

/** {@code /api/sales/shipments}. */
@Component(service = ShipmentResource.class)
@JaxrsResource
@JaxrsApplicationSelect(SalesApplication.SELECT)
@Path("shipments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ShipmentResource {

    private final ShipmentService shipments;

    @Activate
    public ShipmentResource(@Reference ShipmentService shipments) {
        this.shipments = shipments;
    }

    @GET
    public Page<ShipmentDTO> list(@Context UriInfo uri) {
        return shipments.list(Params.page(uri, "customer", "order", "state"));
    }

    /** With {@code ship=true}, also picks, packs and ships it (one-step delivery). */
    @POST
    public Response create(ShipmentDTO shipment, @QueryParam("ship") String ship) {
        ShipmentDTO body = Params.body(shipment);
        return Response.status(Response.Status.CREATED).entity(Params.bool("ship", ship, false) ? shipments.createAndShip(body)
            : shipments.create(body)).build();
    }

    @GET
    @Path("{id}")
    public ShipmentDTO get(@PathParam("id") String id) {
        return shipments.get(Params.id("Shipment", id));
    }

    @POST
    @Path("{id}/pick")
    public ShipmentDTO pick(@PathParam("id") String id) {
        return shipments.pick(Params.id("Shipment", id));
    }

    @POST
    @Path("{id}/pack")
    public ShipmentDTO pack(@PathParam("id") String id) {
        return shipments.pack(Params.id("Shipment", id));
    }

    /** Issues the goods and delivers the order lines. */
    @POST
    @Path("{id}/ship")
    public ShipmentDTO ship(@PathParam("id") String id) {
        return shipments.ship(Params.id("Shipment", id));
    }

    @POST
    @Path("{id}/cancel")
    public ShipmentDTO cancel(@PathParam("id") String id) {
        return shipments.cancel(Params.id("Shipment", id));
    }
}
