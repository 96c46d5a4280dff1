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
import io.kovan.inventory.api.AdjustmentDTO;
import io.kovan.inventory.api.StockDocumentService;

/** {@code /api/inventory/adjustments}. */
@Component(service = AdjustmentResource.class)
@JaxrsResource
@JaxrsApplicationSelect(InventoryApplication.SELECT)
@Path("adjustments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdjustmentResource {

    private final StockDocumentService documents;

    @Activate
    public AdjustmentResource(@Reference StockDocumentService documents) {
        this.documents = documents;
    }

    @GET
    public Page<AdjustmentDTO> list(@Context UriInfo uri) {
        return documents.adjustments(Params.page(uri, "state", "location", "from", "to"));
    }

    @POST
    public Response create(AdjustmentDTO adjustment) {
        return Response.status(Response.Status.CREATED).entity(documents.createAdjustment(Params.body(adjustment))).build();
    }

    @GET
    @Path("{id}")
    public AdjustmentDTO get(@PathParam("id") String id) {
        return documents.adjustment(Params.id("Adjustment", id));
    }

    /** Writes the found and lost goods as ADJUSTMENT moves. */
    @POST
    @Path("{id}/post")
    public AdjustmentDTO post(@PathParam("id") String id) {
        return documents.postAdjustment(Params.id("Adjustment", id));
    }

    @POST
    @Path("{id}/cancel")
    public AdjustmentDTO cancel(@PathParam("id") String id) {
        return documents.cancelAdjustment(Params.id("Adjustment", id));
    }
}
