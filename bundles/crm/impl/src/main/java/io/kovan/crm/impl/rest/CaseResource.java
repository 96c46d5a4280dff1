package io.kovan.crm.impl.rest;

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
import io.kovan.crm.api.CaseDTO;
import io.kovan.crm.api.CaseService;
import io.kovan.crm.api.CaseTransitionDTO;

/** {@code /api/crm/cases}: after-sales cases. */
@Component(service = CaseResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CrmApplication.SELECT)
@Path("cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CaseResource {

    private final CaseService cases;

    @Activate
    public CaseResource(@Reference CaseService cases) {
        this.cases = cases;
    }

    @GET
    public Page<CaseDTO> list(@Context UriInfo uri) {
        return cases.list(Params.page(uri, "state", "priority", "party", "owner", "open", "breached"));
    }

    @POST
    public Response create(CaseDTO supportCase) {
        return Response.status(Response.Status.CREATED).entity(cases.create(Params.body(supportCase))).build();
    }

    @GET
    @Path("{id}")
    public CaseDTO get(@PathParam("id") String id) {
        return cases.get(Params.id("Case", id));
    }

    @PUT
    @Path("{id}")
    public CaseDTO update(@PathParam("id") String id, CaseDTO supportCase) {
        return cases.update(Params.id("Case", id), Params.body(supportCase));
    }

    /** start, wait, resume, resolve, close or reopen. */
    @POST
    @Path("{id}/transition")
    public CaseDTO transition(@PathParam("id") String id, CaseTransitionDTO transition) {
        return cases.transition(Params.id("Case", id), Params.body(transition));
    }
}
