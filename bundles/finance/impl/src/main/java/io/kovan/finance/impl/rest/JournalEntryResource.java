package io.kovan.finance.impl.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.kovan.finance.api.JournalEntryDTO;
import io.kovan.finance.api.JournalService;
import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.rest.Params;

/** {@code /api/finance/journal-entries}. */
@Component(service = JournalEntryResource.class)
@JaxrsResource
@JaxrsApplicationSelect(FinanceApplication.SELECT)
@Path("journal-entries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class JournalEntryResource {

    private final JournalService journal;

    @Activate
    public JournalEntryResource(@Reference JournalService journal) {
        this.journal = journal;
    }

    @GET
    public Page<JournalEntryDTO> list(@Context UriInfo uri) {
        return journal.list(Params.page(uri, "state", "from", "to", "account", "party", "sourceType", "source"));
    }

    /** A draft, or posted at once with {@code "post": true}. */
    @POST
    public Response create(JournalEntryDTO entry) {
        return Response.status(Response.Status.CREATED).entity(journal.create(Params.body(entry))).build();
    }

    @GET
    @Path("{id}")
    public JournalEntryDTO get(@PathParam("id") String id) {
        return journal.get(Params.id("Journal entry", id));
    }

    @PUT
    @Path("{id}")
    public JournalEntryDTO update(@PathParam("id") String id, JournalEntryDTO entry) {
        return journal.update(Params.id("Journal entry", id), Params.body(entry));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        journal.delete(Params.id("Journal entry", id));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/post")
    public JournalEntryDTO post(@PathParam("id") String id) {
        return journal.post(Params.id("Journal entry", id));
    }

    /** Posts the opposite entry on {@code date} (default: the original's). */
    @POST
    @Path("{id}/reverse")
    public JournalEntryDTO reverse(@PathParam("id") String id, @QueryParam("date") String date) {
        return journal.reverse(Params.id("Journal entry", id), date == null ? null : Params.date("date", date));
    }
}
