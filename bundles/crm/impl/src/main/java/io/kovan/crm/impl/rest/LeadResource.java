package io.kovan.crm.impl.rest;

import java.io.InputStreamReader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

import io.kovan.crm.api.DuplicateDTO;
import io.kovan.crm.api.LeadConversionDTO;
import io.kovan.crm.api.LeadConversionResultDTO;
import io.kovan.crm.api.LeadDTO;
import io.kovan.crm.api.LeadImportResultDTO;
import io.kovan.crm.api.LeadService;
import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.rest.Params;

/** {@code /api/crm/leads}. */
@Component(service = LeadResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CrmApplication.SELECT)
@Path("leads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LeadResource {

    /** A body for the actions that take only a text. */
    public record Reason(String reason) {
    }

    /** The lead to fold into this one. */
    public record Merge(Long duplicateId) {
    }

    private final LeadService leads;

    @Activate
    public LeadResource(@Reference LeadService leads) {
        this.leads = leads;
    }

    @GET
    public Page<LeadDTO> list(@Context UriInfo uri) {
        return leads.list(Params.page(uri, "status", "owner", "source", "campaign", "minScore"));
    }

    @POST
    public Response create(LeadDTO lead) {
        return Response.status(Response.Status.CREATED).entity(leads.create(Params.body(lead))).build();
    }

    @GET
    @Path("{id}")
    public LeadDTO get(@PathParam("id") String id) {
        return leads.get(Params.id("Lead", id));
    }

    @PUT
    @Path("{id}")
    public LeadDTO update(@PathParam("id") String id, LeadDTO lead) {
        return leads.update(Params.id("Lead", id), Params.body(lead));
    }

    @POST
    @Path("{id}/qualify")
    public LeadDTO qualify(@PathParam("id") String id, Reason comment) {
        return leads.qualify(Params.id("Lead", id), comment == null ? null : comment.reason());
    }

    @POST
    @Path("{id}/disqualify")
    public LeadDTO disqualify(@PathParam("id") String id, Reason reason) {
        return leads.disqualify(Params.id("Lead", id), Params.body(reason).reason());
    }

    @POST
    @Path("{id}/convert")
    public LeadConversionResultDTO convert(@PathParam("id") String id, LeadConversionDTO conversion) {
        return leads.convert(Params.id("Lead", id), conversion == null ? new LeadConversionDTO(null, null, null, null, null, null, null) : conversion);
    }

    @GET
    @Path("{id}/duplicates")
    public List<DuplicateDTO> duplicates(@PathParam("id") String id) {
        return leads.duplicates(Params.id("Lead", id));
    }

    @POST
    @Path("{id}/merge")
    public LeadDTO merge(@PathParam("id") String id, Merge merge) {
        Long duplicate = Params.body(merge).duplicateId();
        if (duplicate == null) {
            throw new io.kovan.kernel.api.ValidationException("duplicateId", "is required");
        }
        return leads.merge(Params.id("Lead", id), duplicate);
    }

    /** CSV upload: the body is the file ({@code text/csv}, UTF-8), the first line naming the columns. */
    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public LeadImportResultDTO importCsv(InputStream csv) {
        return leads.importCsv(new InputStreamReader(csv, StandardCharsets.UTF_8));
    }
}
