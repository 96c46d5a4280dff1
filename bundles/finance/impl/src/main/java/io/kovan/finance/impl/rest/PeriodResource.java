package io.kovan.finance.impl.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.kovan.finance.api.PeriodDTO;
import io.kovan.finance.api.PeriodService;
import io.kovan.finance.api.YearEndDTO;
import io.kovan.finance.api.YearEndService;
import io.kovan.kernel.api.rest.Params;

/** {@code /api/finance/periods}: fiscal months, opened by year, closed and reopened one by one; the year-end closing. */
@Component(service = PeriodResource.class)
@JaxrsResource
@JaxrsApplicationSelect(FinanceApplication.SELECT)
@Path("periods")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PeriodResource {

    private final PeriodService periods;
    private final YearEndService yearEnd;

    @Activate
    public PeriodResource(@Reference PeriodService periods, @Reference YearEndService yearEnd) {
        this.periods = periods;
        this.yearEnd = yearEnd;
    }

    @GET
    public List<PeriodDTO> list(@QueryParam("year") String year) {
        return periods.list(year == null ? null : (int) Params.longValue("year", year));
    }

    /** Makes the year's twelve periods (those not there yet), open. */
    @POST
    @Path("years/{year}")
    public List<PeriodDTO> openYear(@PathParam("year") String year) {
        return periods.openYear((int) Params.longValue("year", year));
    }

    /** The year-end closing: income and expenses carried to the year's result in equity, the twelve periods closed. */
    @POST
    @Path("years/{year}/close")
    public YearEndDTO closeYear(@PathParam("year") String year) {
        return yearEnd.close((int) Params.longValue("year", year));
    }

    @GET
    @Path("{id}")
    public PeriodDTO get(@PathParam("id") String id) {
        return periods.get(Params.id("Period", id));
    }

    @POST
    @Path("{id}/close")
    public PeriodDTO close(@PathParam("id") String id) {
        return periods.close(Params.id("Period", id));
    }

    @POST
    @Path("{id}/reopen")
    public PeriodDTO reopen(@PathParam("id") String id) {
        return periods.reopen(Params.id("Period", id));
    }
}
