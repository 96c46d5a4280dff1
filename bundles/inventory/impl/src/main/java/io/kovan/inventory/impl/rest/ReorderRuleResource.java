package io.kovan.inventory.impl.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
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
import io.kovan.inventory.api.ReorderRuleDTO;
import io.kovan.inventory.api.ReorderService;
import io.kovan.inventory.api.ReplenishmentDTO;

/** {@code /api/inventory/reorder-rules}. */
@Component(service = ReorderRuleResource.class)
@JaxrsResource
@JaxrsApplicationSelect(InventoryApplication.SELECT)
@Path("reorder-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReorderRuleResource {

    private final ReorderService rules;

    @Activate
    public ReorderRuleResource(@Reference ReorderService rules) {
        this.rules = rules;
    }

    @GET
    public Page<ReorderRuleDTO> list(@Context UriInfo uri) {
        return rules.list(Params.page(uri, "product", "warehouse"));
    }

    @POST
    public Response create(ReorderRuleDTO rule) {
        return Response.status(Response.Status.CREATED).entity(rules.create(Params.body(rule))).build();
    }

    /** What to order now: every rule whose projected stock is below its minimum. */
    @GET
    @Path("suggestions")
    public java.util.List<ReplenishmentDTO> suggestions(@Context UriInfo uri) {
        String warehouse = Params.only(uri, "warehouse").getFirst("warehouse");
        return rules.suggestions(warehouse == null ? null : Params.longValue("warehouse", warehouse));
    }

    @GET
    @Path("{id}")
    public ReorderRuleDTO get(@PathParam("id") String id) {
        return rules.get(Params.id("Reorder rule", id));
    }

    @PUT
    @Path("{id}")
    public ReorderRuleDTO update(@PathParam("id") String id, ReorderRuleDTO rule) {
        return rules.update(Params.id("Reorder rule", id), Params.body(rule));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        rules.delete(Params.id("Reorder rule", id));
        return Response.noContent().build();
    }
}
