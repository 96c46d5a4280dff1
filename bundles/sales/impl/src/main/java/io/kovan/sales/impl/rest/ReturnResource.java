package io.kovan.sales.impl.rest;

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
import io.kovan.sales.api.ReturnDTO;
import io.kovan.sales.api.ReturnService;

/** {@code /api/sales/returns}. */
@Component(service = ReturnResource.class)
@JaxrsResource
@JaxrsApplicationSelect(SalesApplication.SELECT)
@Path("returns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReturnResource {

    private final ReturnService returns;

    @Activate
    public ReturnResource(@Reference ReturnService returns) {
        this.returns = returns;
    }

    @GET
    public Page<ReturnDTO> list(@Context UriInfo uri) {
        return returns.list(Params.page(uri, "customer", "shipment"));
    }

    @POST
    public Response create(ReturnDTO salesReturn) {
        return Response.status(Response.Status.CREATED).entity(returns.create(Params.body(salesReturn))).build();
    }

    @GET
    @Path("{id}")
    public ReturnDTO get(@PathParam("id") String id) {
        return returns.get(Params.id("Return", id));
    }
}
