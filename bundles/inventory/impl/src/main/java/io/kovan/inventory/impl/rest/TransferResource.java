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
import io.kovan.inventory.api.StockDocumentService;
import io.kovan.inventory.api.TransferDTO;

/** {@code /api/inventory/transfers}. */
@Component(service = TransferResource.class)
@JaxrsResource
@JaxrsApplicationSelect(InventoryApplication.SELECT)
@Path("transfers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TransferResource {

    private final StockDocumentService documents;

    @Activate
    public TransferResource(@Reference StockDocumentService documents) {
        this.documents = documents;
    }

    @GET
    public Page<TransferDTO> list(@Context UriInfo uri) {
        return documents.transfers(Params.page(uri, "state", "location", "from", "to"));
    }

    @POST
    public Response create(TransferDTO transfer) {
        return Response.status(Response.Status.CREATED).entity(documents.createTransfer(Params.body(transfer))).build();
    }

    @GET
    @Path("{id}")
    public TransferDTO get(@PathParam("id") String id) {
        return documents.transfer(Params.id("Transfer", id));
    }

    @POST
    @Path("{id}/post")
    public TransferDTO post(@PathParam("id") String id) {
        return documents.postTransfer(Params.id("Transfer", id));
    }

    @POST
    @Path("{id}/cancel")
    public TransferDTO cancel(@PathParam("id") String id) {
        return documents.cancelTransfer(Params.id("Transfer", id));
    }
}
