package io.kovan.crm.impl.rest;

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

import io.kovan.kernel.api.rest.Params;
import io.kovan.crm.api.OpportunityService;
import io.kovan.crm.api.StageDTO;

/** {@code /api/crm/stages}: the pipeline. */
@Component(service = StageResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CrmApplication.SELECT)
@Path("stages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StageResource {

    private final OpportunityService opportunities;

    @Activate
    public StageResource(@Reference OpportunityService opportunities) {
        this.opportunities = opportunities;
    }

    @GET
    public List<StageDTO> list(@Context UriInfo uri) {
        Params.only(uri);
        return opportunities.stages();
    }

    /** Adds an open stage. */
    @POST
    public Response create(StageDTO stage) {
        return Response.status(Response.Status.CREATED).entity(opportunities.saveStage(Params.body(stage))).build();
    }

    /** Renames, moves or reweighs an open stage. */
    @PUT
    @Path("{code}")
    public StageDTO update(@PathParam("code") String code, StageDTO stage) {
        StageDTO body = Params.body(stage);
        if (body.code() != null && !body.code().equals(code)) {
            throw new io.kovan.kernel.api.ValidationException("code", "must match the path, or be left out");
        }
        if (opportunities.stages().stream().noneMatch(s -> s.code().equals(code))) {
            throw new io.kovan.kernel.api.NotFoundException("Stage", code);
        }
        return opportunities.saveStage(new StageDTO(code, body.name(), body.sequence(), body.probability(), body.kind()));
    }
}
