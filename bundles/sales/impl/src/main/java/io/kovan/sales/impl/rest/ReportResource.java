package io.kovan.sales.impl.rest;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.kovan.kernel.api.rest.Params;
import io.kovan.sales.api.DeliveryPerformanceDTO;
import io.kovan.sales.api.OpenOrderLineDTO;
import io.kovan.sales.api.SalesReportDTO;
import io.kovan.sales.api.SalesReportService;

/** {@code /api/sales/reports/…}: periods as {@code from} and {@code to} (YYYY-MM-DD, inclusive). */
@Component(service = ReportResource.class)
@JaxrsResource
@JaxrsApplicationSelect(SalesApplication.SELECT)
@Path("reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private final SalesReportService reports;

    @Activate
    public ReportResource(@Reference SalesReportService reports) {
        this.reports = reports;
    }

    /** {@code groupBy}: period (default), customer, product or salesperson. */
    @GET
    @Path("sales")
    public SalesReportDTO sales(@Context UriInfo uri) {
        MultivaluedMap<String, String> q = Params.only(uri, "from", "to", "groupBy");
        return reports.sales(Params.date("from", q.getFirst("from")), Params.date("to", q.getFirst("to")), q.getFirst("groupBy"));
    }

    @GET
    @Path("open-orders")
    public List<OpenOrderLineDTO> openOrders(@Context UriInfo uri) {
        Params.only(uri);
        return reports.openOrders();
    }

    @GET
    @Path("delivery-performance")
    public DeliveryPerformanceDTO deliveryPerformance(@Context UriInfo uri) {
        MultivaluedMap<String, String> q = Params.only(uri, "from", "to");
        return reports.deliveryPerformance(Params.date("from", q.getFirst("from")), Params.date("to", q.getFirst("to")));
    }
}
