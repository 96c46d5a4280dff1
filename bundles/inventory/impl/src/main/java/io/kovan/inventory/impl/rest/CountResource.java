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
import io.kovan.inventory.api.CountDTO;
import io.kovan.inventory.api.StockDocumentService;

/** {@code /api/inventory/counts}. */
@Component(service = CountResource.class)
@JaxrsResource
@JaxrsApplicationSelect(InventoryApplication.SELECT)
@Path("counts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CountResource {

    private final StockDocumentService documents;

    @Activate
    public CountResource(@Reference StockDocumentService documents) {
        this.documents = documents;
    }

    @GET
    public Page<CountDTO> list(@Context UriInfo uri) {
        return documents.counts(Params.page(uri, "state", "location", "from", "to"));
    }

    @POST
    public Response create(CountDTO count) {
        return Response.status(Response.Status.CREATED).entity(documents.createCount(Params.body(count))).build();
    }

    @GET
    @Path("{id}")
    public CountDTO get(@PathParam("id") String id) {
        return documents.count(Params.id("Count", id));
    }

    @PUT
    @Path("{id}")
    public CountDTO update(@PathParam("id") String id, CountDTO count) {
        return documents.updateCount(Params.id("Count", id), Params.body(count));
    }

    /** Posts the differences between the counted and the recorded quantities as COUNT moves. */
    @POST
    @Path("{id}/post")
    public CountDTO post(@PathParam("id") String id) {
        return documents.postCount(Params.id("Count", id));
    }

    @POST
    @Path("{id}/cancel")
    public CountDTO cancel(@PathParam("id") String id) {
        return documents.cancelCount(Params.id("Count", id));
    }
}
