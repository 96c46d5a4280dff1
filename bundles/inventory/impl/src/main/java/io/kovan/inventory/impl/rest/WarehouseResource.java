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
import io.kovan.inventory.api.WarehouseDTO;
import io.kovan.inventory.api.WarehouseService;

/** {@code /api/inventory/warehouses}. */
@Component(service = WarehouseResource.class)
@JaxrsResource
@JaxrsApplicationSelect(InventoryApplication.SELECT)
@Path("warehouses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WarehouseResource {

    private final WarehouseService warehouses;

    @Activate
    public WarehouseResource(@Reference WarehouseService warehouses) {
        this.warehouses = warehouses;
    }

    @GET
    public Page<WarehouseDTO> list(@Context UriInfo uri) {
        return warehouses.list(Params.page(uri, "active"));
    }

    @POST
    public Response create(WarehouseDTO warehouse) {
        return Response.status(Response.Status.CREATED).entity(warehouses.create(Params.body(warehouse))).build();
    }

    @GET
    @Path("{id}")
    public WarehouseDTO get(@PathParam("id") String id) {
        return warehouses.get(Params.id("Warehouse", id));
    }

    @PUT
    @Path("{id}")
    public WarehouseDTO update(@PathParam("id") String id, WarehouseDTO warehouse) {
        return warehouses.update(Params.id("Warehouse", id), Params.body(warehouse));
    }
}
