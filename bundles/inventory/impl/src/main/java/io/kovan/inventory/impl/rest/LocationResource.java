package io.kovan.inventory.impl.rest;

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
import io.kovan.inventory.api.LocationDTO;
import io.kovan.inventory.api.WarehouseService;

/** {@code /api/inventory/locations}. */
@Component(service = LocationResource.class)
@JaxrsResource
@JaxrsApplicationSelect(InventoryApplication.SELECT)
@Path("locations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LocationResource {

    private final WarehouseService warehouses;

    @Activate
    public LocationResource(@Reference WarehouseService warehouses) {
        this.warehouses = warehouses;
    }

    @GET
    public Page<LocationDTO> list(@Context UriInfo uri) {
        return warehouses.locations(Params.page(uri, "warehouse", "parent", "active"));
    }

    @POST
    public Response create(LocationDTO location) {
        return Response.status(Response.Status.CREATED).entity(warehouses.createLocation(Params.body(location))).build();
    }

    @GET
    @Path("{id}")
    public LocationDTO get(@PathParam("id") String id) {
        return warehouses.location(Params.id("Location", id));
    }

    @PUT
    @Path("{id}")
    public LocationDTO update(@PathParam("id") String id, LocationDTO location) {
        return warehouses.updateLocation(Params.id("Location", id), Params.body(location));
    }
}
