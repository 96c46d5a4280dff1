package io.kovan.kernel.impl.rest;

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

import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.company.CompanyDTO;
import io.kovan.kernel.api.company.CompanyService;
import io.kovan.kernel.api.rest.Params;

/** {@code /api/core/companies}: the companies that keep books. */
@Component(service = CompanyResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CoreApplication.SELECT)
@Path("companies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CompanyResource {

    /** Makes an existing organisation a company. */
    public record NewCompanyDTO(Long partyId, String baseCurrency) {
    }

    private final CompanyService companies;

    @Activate
    public CompanyResource(@Reference CompanyService companies) {
        this.companies = companies;
    }

    /** A page of them, in their own order; {@code q} searches. */
    @GET
    public Page<CompanyDTO> list(@Context UriInfo uri) {
        return Page.slice(companies.list(), Params.page(uri), c -> c.name() + " " + c.taxNumber());
    }

    @POST
    public Response create(NewCompanyDTO company) {
        NewCompanyDTO body = Params.body(company);
        if (body.partyId() == null) {
            throw new io.kovan.kernel.api.ValidationException("partyId", "is required");
        }
        return Response.status(Response.Status.CREATED).entity(companies.create(body.partyId(), body.baseCurrency())).build();
    }

    @GET
    @Path("{id}")
    public CompanyDTO get(@PathParam("id") String id) {
        return companies.get(Params.id("Company", id));
    }
}
