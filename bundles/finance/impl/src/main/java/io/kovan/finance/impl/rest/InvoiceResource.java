package io.kovan.finance.impl.rest;

import java.time.LocalDate;
import java.util.List;

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

import io.kovan.finance.api.InvoiceDTO;
import io.kovan.finance.api.InvoiceService;
import io.kovan.finance.impl.InvoiceRendering;
import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.ValidationException;
import io.kovan.kernel.api.rest.Params;

/** {@code /api/finance/invoices}: customer invoices, credit notes and supplier invoices. */
@Component(service = InvoiceResource.class)
@JaxrsResource
@JaxrsApplicationSelect(FinanceApplication.SELECT)
@Path("invoices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvoiceResource {

    /** Invoicing sales shipments: which, on what date, posted at once or left a draft. */
    public record FromShipmentsDTO(List<Long> shipmentIds, LocalDate date, Boolean post) {
    }

    /** Invoicing a confirmed order's services on order. */
    public record FromOrderDTO(Long orderId, LocalDate date, Boolean post) {
    }

    /** A credit note for a customer return. */
    public record FromReturnDTO(Long returnId, LocalDate date, Boolean post) {
    }

    private final InvoiceService invoices;
    private final InvoiceRendering rendering;

    @Activate
    public InvoiceResource(@Reference InvoiceService invoices, @Reference InvoiceRendering rendering) {
        this.invoices = invoices;
        this.rendering = rendering;
    }

    @GET
    public Page<InvoiceDTO> list(@Context UriInfo uri) {
        return invoices.list(Params.page(uri, "kind", "party", "state", "from", "to", "open"));
    }

    @POST
    public Response create(InvoiceDTO invoice) {
        return Response.status(Response.Status.CREATED).entity(invoices.create(Params.body(invoice))).build();
    }

    @POST
    @Path("from-shipments")
    public Response fromShipments(FromShipmentsDTO body) {
        FromShipmentsDTO b = Params.body(body);
        return Response.status(Response.Status.CREATED).entity(invoices.fromShipments(b.shipmentIds(), b.date(), Boolean.TRUE.equals(b.post()))).build();
    }

    @POST
    @Path("from-order")
    public Response fromOrder(FromOrderDTO body) {
        FromOrderDTO b = Params.body(body);
        if (b.orderId() == null) {
            throw new ValidationException("orderId", "is required");
        }
        return Response.status(Response.Status.CREATED).entity(invoices.fromOrder(b.orderId(), b.date(), Boolean.TRUE.equals(b.post()))).build();
    }

    @POST
    @Path("from-return")
    public Response fromReturn(FromReturnDTO body) {
        FromReturnDTO b = Params.body(body);
        if (b.returnId() == null) {
            throw new ValidationException("returnId", "is required");
        }
        return Response.status(Response.Status.CREATED).entity(invoices.fromReturn(b.returnId(), b.date(), Boolean.TRUE.equals(b.post()))).build();
    }

    @GET
    @Path("{id}")
    public InvoiceDTO get(@PathParam("id") String id) {
        return invoices.get(Params.id("Invoice", id));
    }

    @PUT
    @Path("{id}")
    public InvoiceDTO update(@PathParam("id") String id, InvoiceDTO invoice) {
        return invoices.update(Params.id("Invoice", id), Params.body(invoice));
    }

    @POST
    @Path("{id}/post")
    public InvoiceDTO post(@PathParam("id") String id) {
        return invoices.post(Params.id("Invoice", id));
    }

    @POST
    @Path("{id}/cancel")
    public InvoiceDTO cancel(@PathParam("id") String id) {
        return invoices.cancel(Params.id("Invoice", id));
    }

    @GET
    @Path("{id}/pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("id") String id) {
        long invoice = Params.id("Invoice", id);
        return Response.ok(rendering.pdf(invoice), "application/pdf").header("Content-Disposition", "inline; filename=\"invoice-" + invoice + ".pdf\"")
            .build();
    }

    /** The e-Fatura (UBL-TR 2.1) XML of a posted customer invoice or credit note. */
    @GET
    @Path("{id}/ubl")
    @Produces(MediaType.APPLICATION_XML)
    public Response ubl(@PathParam("id") String id) {
        return Response.ok(rendering.ubl(Params.id("Invoice", id)), MediaType.APPLICATION_XML + ";charset=UTF-8").build();
    }
}
