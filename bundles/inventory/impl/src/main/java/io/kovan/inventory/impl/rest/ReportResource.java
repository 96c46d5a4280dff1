package io.kovan.inventory.impl.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.kovan.kernel.api.rest.Params;
import io.kovan.inventory.api.InventoryReportService;
import io.kovan.inventory.api.SlowMoverDTO;
import io.kovan.inventory.api.TurnoverDTO;
import io.kovan.inventory.api.ValuationDTO;

/** {@code /api/inventory/reports}. */
@Component(service = ReportResource.class)
@JaxrsResource
@JaxrsApplicationSelect(InventoryApplication.SELECT)
@Path("reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReportResource {

    private final InventoryReportService reports;

    @Activate
    public ReportResource(@Reference InventoryReportService reports) {
        this.reports = reports;
    }

    /** Stock and its value per warehouse on {@code date} (today), for one {@code warehouse} or all. */
    @GET
    @Path("valuation")
    public ValuationDTO valuation(@Context UriInfo uri) {
        javax.ws.rs.core.MultivaluedMap<String, String> q = Params.only(uri, "date", "warehouse");
        String warehouse = q.getFirst("warehouse");
        return reports.valuation(Params.date("date", q.getFirst("date")), warehouse == null ? null : Params.longValue("warehouse", warehouse));
    }

    /** Turnover and days of inventory from {@code from} to {@code to}, per {@code groupBy} = product (default) or category. */
    @GET
    @Path("turnover")
    public TurnoverDTO turnover(@Context UriInfo uri) {
        javax.ws.rs.core.MultivaluedMap<String, String> q = Params.only(uri, "from", "to", "groupBy");
        return reports.turnover(Params.date("from", q.getFirst("from")), Params.date("to", q.getFirst("to")), q.getFirst("groupBy"));
    }

    /** Products on hand not issued for {@code days} days (default 90). */
    @GET
    @Path("slow-movers")
    public java.util.List<SlowMoverDTO> slowMovers(@Context UriInfo uri) {
        return reports.slowMovers(Params.integer("days", Params.only(uri, "days").getFirst("days"), 90));
    }
}
