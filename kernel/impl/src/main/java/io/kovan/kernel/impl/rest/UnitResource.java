package io.kovan.kernel.impl.rest;

import java.math.BigDecimal;
import java.util.List;

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
import io.kovan.kernel.api.rest.Params;
import io.kovan.kernel.api.unit.UnitConversionDTO;
import io.kovan.kernel.api.unit.UnitDTO;
import io.kovan.kernel.api.unit.UnitService;

/** {@code /api/core/units}: units of measure and conversions. */
@Component(service = UnitResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CoreApplication.SELECT)
@Path("units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UnitResource {

    /** A converted quantity. */
    public record ConvertedDTO(BigDecimal quantity, String from, String to, BigDecimal result) {
    }

    private final UnitService units;

    @Activate
    public UnitResource(@Reference UnitService units) {
        this.units = units;
    }

    /** A page of them, in their own order; {@code q} searches. */
    @GET
    public Page<UnitDTO> list(@Context UriInfo uri) {
        return Page.slice(units.list(), Params.page(uri), u -> u.code() + " " + u.name());
    }

    @POST
    public Response create(UnitDTO unit) {
        return Response.status(Response.Status.CREATED).entity(units.create(Params.body(unit))).build();
    }

    @GET
    @Path("conversions")
    public List<UnitConversionDTO> conversions() {
        return units.conversions();
    }

    @POST
    @Path("conversions")
    public Response addConversion(UnitConversionDTO conversion) {
        return Response.status(Response.Status.CREATED).entity(units.addConversion(Params.body(conversion))).build();
    }

    @GET
    @Path("convert")
    public ConvertedDTO convert(@QueryParam("quantity") String quantity, @QueryParam("from") String from, @QueryParam("to") String to) {
        BigDecimal q = Params.decimal("quantity", quantity);
        return new ConvertedDTO(q, from, to, units.convert(q, from, to));
    }

    @GET
    @Path("{code}")
    public UnitDTO get(@PathParam("code") String code) {
        return units.get(code);
    }
}
