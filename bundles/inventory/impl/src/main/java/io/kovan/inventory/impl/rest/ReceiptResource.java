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
import io.kovan.inventory.api.ReceiptDTO;
import io.kovan.inventory.api.StockDocumentService;

/** {@code /api/inventory/receipts}. */
@Component(service = ReceiptResource.class)
@JaxrsResource
@JaxrsApplicationSelect(InventoryApplication.SELECT)
@Path("receipts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReceiptResource {

    private final StockDocumentService documents;

    @Activate
    public ReceiptResource(@Reference StockDocumentService documents) {
        this.documents = documents;
    }

    @GET
    public Page<ReceiptDTO> list(@Context UriInfo uri) {
        return documents.receipts(Params.page(uri, "state", "warehouse", "location", "from", "to"));
    }

    @POST
    public Response create(ReceiptDTO receipt) {
        return Response.status(Response.Status.CREATED).entity(documents.createReceipt(Params.body(receipt))).build();
    }

    @GET
    @Path("{id}")
    public ReceiptDTO get(@PathParam("id") String id) {
        return documents.receipt(Params.id("Receipt", id));
    }

    @PUT
    @Path("{id}")
    public ReceiptDTO update(@PathParam("id") String id, ReceiptDTO receipt) {
        return documents.updateReceipt(Params.id("Receipt", id), Params.body(receipt));
    }

    /** Writes the receipt's moves at its date. */
    @POST
    @Path("{id}/post")
    public ReceiptDTO post(@PathParam("id") String id) {
        return documents.postReceipt(Params.id("Receipt", id));
    }

    @POST
    @Path("{id}/cancel")
    public ReceiptDTO cancel(@PathParam("id") String id) {
        return documents.cancelReceipt(Params.id("Receipt", id));
    }
}
