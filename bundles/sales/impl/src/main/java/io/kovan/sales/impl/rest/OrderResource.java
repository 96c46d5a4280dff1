package io.kovan.sales.impl.rest;

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
import io.kovan.kernel.api.document.DocumentFlowDTO;
import io.kovan.kernel.api.document.DocumentFlowService;
import io.kovan.sales.api.OrderDTO;
import io.kovan.sales.api.OrderService;

/** {@code /api/sales/orders}; approving also needs {@code sales.order.approve}. */
@Component(service = OrderResource.class)
@JaxrsResource
@JaxrsApplicationSelect(SalesApplication.SELECT)
@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrderResource {

    private final OrderService orders;
    private final DocumentFlowService flow;

    @Activate
    public OrderResource(@Reference OrderService orders, @Reference DocumentFlowService flow) {
        this.orders = orders;
        this.flow = flow;
    }

    @GET
    public Page<OrderDTO> list(@Context UriInfo uri) {
        return orders.list(Params.page(uri, "customer", "state", "salesperson", "from", "to"));
    }

    @POST
    public Response create(OrderDTO order) {
        return Response.status(Response.Status.CREATED).entity(orders.create(Params.body(order))).build();
    }

    @GET
    @Path("{id}")
    public OrderDTO get(@PathParam("id") String id) {
        return orders.get(Params.id("Order", id));
    }

    @PUT
    @Path("{id}")
    public OrderDTO update(@PathParam("id") String id, OrderDTO order) {
        return orders.update(Params.id("Order", id), Params.body(order));
    }

    /** Confirms, or puts the order on hold for approval when it breaks the customer's credit limit. */
    @POST
    @Path("{id}/confirm")
    public OrderDTO confirm(@PathParam("id") String id) {
        return orders.confirm(Params.id("Order", id));
    }

    @POST
    @Path("{id}/approve")
    public OrderDTO approve(@PathParam("id") String id) {
        return orders.approve(Params.id("Order", id));
    }

    @POST
    @Path("{id}/cancel")
    public OrderDTO cancel(@PathParam("id") String id) {
        return orders.cancel(Params.id("Order", id));
    }

    @GET
    @Path("{id}/documents")
    public DocumentFlowDTO documents(@PathParam("id") String id) {
        long order = Params.id("Order", id);
        orders.get(order);
        return flow.flow(OrderService.DOCUMENT_TYPE, order);
    }
}
