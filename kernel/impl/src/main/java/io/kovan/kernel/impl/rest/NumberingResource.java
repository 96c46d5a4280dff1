package io.kovan.kernel.impl.rest;

import java.time.LocalDate;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
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

import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.numbering.NumberSeriesDTO;
import io.kovan.kernel.api.numbering.NumberingService;
import io.kovan.kernel.api.rest.Params;

/** {@code /api/core/numbering}: document number series and where each stands. */
@Component(service = NumberingResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CoreApplication.SELECT)
@Path("numbering")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NumberingResource {

    /** A series with the last number drawn this year. */
    public record SeriesStateDTO(NumberSeriesDTO series, int year, long lastNumber) {
    }

    private final NumberingService numbering;

    @Activate
    public NumberingResource(@Reference NumberingService numbering) {
        this.numbering = numbering;
    }

    /** A page of them, in their own order; {@code q} searches. */
    @GET
    public Page<NumberSeriesDTO> list(@Context UriInfo uri) {
        return Page.slice(numbering.series(), Params.page(uri), s -> s.code() + " " + s.prefix() + " " + s.description());
    }

    @POST
    public Response define(NumberSeriesDTO series) {
        return Response.status(Response.Status.CREATED).entity(numbering.define(Params.body(series))).build();
    }

    @GET
    @Path("{code}")
    public SeriesStateDTO get(@PathParam("code") String code, @QueryParam("year") String year) {
        int y = year == null ? LocalDate.now(java.time.ZoneOffset.UTC).getYear() : yearParam(year);
        return new SeriesStateDTO(numbering.get(code), y, numbering.last(code, y));
    }

    private static int yearParam(String raw) {
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new io.kovan.kernel.api.ValidationException("year", "must be a year such as 2026");
        }
    }
}
