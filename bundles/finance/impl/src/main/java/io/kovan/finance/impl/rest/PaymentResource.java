package io.kovan.finance.impl.rest;

import java.util.List;

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

import io.kovan.finance.api.AllocationDTO;
import io.kovan.finance.api.PaymentDTO;
import io.kovan.finance.api.PaymentService;
import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.rest.Params;

/** {@code /api/finance/payments}: collections and payments, and their allocations to invoices. */
@Component(service = PaymentResource.class)
@JaxrsResource
@JaxrsApplicationSelect(FinanceApplication.SELECT)
@Path("payments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PaymentResource {

    private final PaymentService payments;

    @Activate
    public PaymentResource(@Reference PaymentService payments) {
        this.payments = payments;
    }

    @GET
    public Page<PaymentDTO> list(@Context UriInfo uri) {
        return payments.list(Params.page(uri, "direction", "party", "from", "to"));
    }

    @POST
    public Response create(PaymentDTO payment) {
        return Response.status(Response.Status.CREATED).entity(payments.create(Params.body(payment))).build();
    }

    @GET
    @Path("{id}")
    public PaymentDTO get(@PathParam("id") String id) {
        return payments.get(Params.id("Payment", id));
    }

    /** Allocates more of the payment: a list of {@code invoiceId} and {@code amount}. */
    @POST
    @Path("{id}/allocations")
    public PaymentDTO allocate(@PathParam("id") String id, List<AllocationDTO> allocations) {
        return payments.allocate(Params.id("Payment", id), Params.body(allocations));
    }
}
