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
import io.kovan.sales.api.QuoteDTO;
import io.kovan.sales.api.QuoteService;

/** {@code /api/sales/quotes}. */
@Component(service = QuoteResource.class)
@JaxrsResource
@JaxrsApplicationSelect(SalesApplication.SELECT)
@Path("quotes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QuoteResource {

    private final QuoteService quotes;
    private final DocumentFlowService flow;

    @Activate
    public QuoteResource(@Reference QuoteService quotes, @Reference DocumentFlowService flow) {
        this.quotes = quotes;
        this.flow = flow;
    }

    @GET
    public Page<QuoteDTO> list(@Context UriInfo uri) {
        return quotes.list(Params.page(uri, "customer", "state", "salesperson", "from", "to"));
    }

    @POST
    public Response create(QuoteDTO quote) {
        return Response.status(Response.Status.CREATED).entity(quotes.create(Params.body(quote))).build();
    }

    @GET
    @Path("{id}")
    public QuoteDTO get(@PathParam("id") String id) {
        return quotes.get(Params.id("Quote", id));
    }

    @PUT
    @Path("{id}")
    public QuoteDTO update(@PathParam("id") String id, QuoteDTO quote) {
        return quotes.update(Params.id("Quote", id), Params.body(quote));
    }

    @POST
    @Path("{id}/send")
    public QuoteDTO send(@PathParam("id") String id) {
        return quotes.send(Params.id("Quote", id));
    }

    @POST
    @Path("{id}/cancel")
    public QuoteDTO cancel(@PathParam("id") String id) {
        return quotes.cancel(Params.id("Quote", id));
    }

    /** The new order, created from the quote's lines and prices. */
    @POST
    @Path("{id}/convert")
    public Response convert(@PathParam("id") String id) {
        return Response.status(Response.Status.CREATED).entity(quotes.convert(Params.id("Quote", id))).build();
    }

    @GET
    @Path("{id}/documents")
    public DocumentFlowDTO documents(@PathParam("id") String id) {
        long quote = Params.id("Quote", id);
        quotes.get(quote);
        return flow.flow(QuoteService.DOCUMENT_TYPE, quote);
    }
}
