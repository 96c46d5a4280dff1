package io.kovan.sales.impl.rest;

import javax.ws.rs.DELETE;
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
import io.kovan.sales.api.PriceListDTO;
import io.kovan.sales.api.PriceListService;

/** {@code /api/sales/price-lists}. */
@Component(service = PriceListResource.class)
@JaxrsResource
@JaxrsApplicationSelect(SalesApplication.SELECT)
@Path("price-lists")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PriceListResource {

    private final PriceListService priceLists;

    @Activate
    public PriceListResource(@Reference PriceListService priceLists) {
        this.priceLists = priceLists;
    }

    @GET
    public Page<PriceListDTO> list(@Context UriInfo uri) {
        return priceLists.list(Params.page(uri, "currency", "customerGroup"));
    }

    @POST
    public Response create(PriceListDTO priceList) {
        return Response.status(Response.Status.CREATED).entity(priceLists.create(Params.body(priceList))).build();
    }

    @GET
    @Path("{id}")
    public PriceListDTO get(@PathParam("id") String id) {
        return priceLists.get(Params.id("Price list", id));
    }

    @PUT
    @Path("{id}")
    public PriceListDTO update(@PathParam("id") String id, PriceListDTO priceList) {
        return priceLists.update(Params.id("Price list", id), Params.body(priceList));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        priceLists.delete(Params.id("Price list", id));
        return Response.noContent().build();
    }
}
