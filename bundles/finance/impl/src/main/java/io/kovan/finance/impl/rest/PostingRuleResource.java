package io.kovan.finance.impl.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.kovan.finance.api.PostingRuleDTO;
import io.kovan.finance.api.PostingRuleService;
import io.kovan.kernel.api.rest.Params;

/** {@code /api/finance/posting-rules}: which account each automatic posting uses. */
@Component(service = PostingRuleResource.class)
@JaxrsResource
@JaxrsApplicationSelect(FinanceApplication.SELECT)
@Path("posting-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PostingRuleResource {

    private final PostingRuleService rules;

    @Activate
    public PostingRuleResource(@Reference PostingRuleService rules) {
        this.rules = rules;
    }

    @GET
    public List<PostingRuleDTO> list() {
        return rules.list();
    }

    @POST
    public Response create(PostingRuleDTO rule) {
        return Response.status(Response.Status.CREATED).entity(rules.create(Params.body(rule))).build();
    }

    @PUT
    @Path("{id}")
    public PostingRuleDTO update(@PathParam("id") String id, PostingRuleDTO rule) {
        return rules.update(Params.id("Posting rule", id), Params.body(rule));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        rules.delete(Params.id("Posting rule", id));
        return Response.noContent().build();
    }
}
