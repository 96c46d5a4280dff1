package io.kovan.crm.impl.rest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.kovan.crm.api.ActivityReportDTO;
import io.kovan.crm.api.CampaignPerformanceDTO;
import io.kovan.crm.api.CaseReportDTO;
import io.kovan.crm.api.ConversionReportDTO;
import io.kovan.crm.api.CrmReportService;
import io.kovan.crm.api.FunnelDTO;
import io.kovan.crm.api.OpportunityService;
import io.kovan.crm.api.StageKind;
import io.kovan.crm.api.TeamPerformanceDTO;
import io.kovan.crm.api.WinLossDTO;
import io.kovan.kernel.api.rest.Params;

/** {@code /api/crm/reports/…}: periods as {@code from} and {@code to} (YYYY-MM-DD, inclusive). */
@Component(service = ReportResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CrmApplication.SELECT)
@Path("reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private final CrmReportService reports;
    private final OpportunityService opportunities;

    @Activate
    public ReportResource(@Reference CrmReportService reports, @Reference OpportunityService opportunities) {
        this.reports = reports;
        this.opportunities = opportunities;
    }

    /** Filters: owner, team, campaign (id), source. */
    @GET
    @Path("funnel")
    public FunnelDTO funnel(@Context UriInfo uri) {
        return funnelOf(uri);
    }

    /** The funnel as a bar chart: how many opportunities reached each stage. Same parameters. */
    @GET
    @Path("funnel.png")
    @Produces("image/png")
    public Response funnelChart(@Context UriInfo uri) {
        return Response.ok(Charts.funnel(funnelOf(uri)), "image/png").build();
    }

    /** The pipeline as a bar chart: value and weighted value now in each open stage. Same parameters as the funnel. */
    @GET
    @Path("pipeline.png")
    @Produces("image/png")
    public Response pipelineChart(@Context UriInfo uri) {
        Map<String, StageKind> kinds = new HashMap<>();
        opportunities.stages().forEach(s -> kinds.put(s.code(), s.kind()));
        return Response.ok(Charts.pipeline(funnelOf(uri), kinds), "image/png").build();
    }

    private FunnelDTO funnelOf(UriInfo uri) {
        MultivaluedMap<String, String> q = Params.only(uri, "from", "to", "owner", "team", "campaign", "source");
        Map<String, String> filters = new HashMap<>();
        for (String name : List.of("owner", "team", "campaign", "source")) {
            if (q.getFirst(name) != null && !q.getFirst(name).isBlank()) {
                filters.put(name, q.getFirst(name));
            }
        }
        return reports.funnel(Params.date("from", q.getFirst("from")), Params.date("to", q.getFirst("to")), filters);
    }

    /** {@code by}: source (default), campaign, owner or month. */
    @GET
    @Path("conversion")
    public ConversionReportDTO conversion(@Context UriInfo uri) {
        MultivaluedMap<String, String> q = Params.only(uri, "from", "to", "by");
        return reports.conversion(q.getFirst("by"), Params.date("from", q.getFirst("from")), Params.date("to", q.getFirst("to")));
    }

    @GET
    @Path("win-loss")
    public WinLossDTO winLoss(@Context UriInfo uri) {
        MultivaluedMap<String, String> q = Params.only(uri, "from", "to");
        return reports.winLoss(Params.date("from", q.getFirst("from")), Params.date("to", q.getFirst("to")));
    }

    @GET
    @Path("campaigns")
    public List<CampaignPerformanceDTO> campaigns(@Context UriInfo uri) {
        MultivaluedMap<String, String> q = Params.only(uri, "from", "to");
        return reports.campaigns(Params.date("from", q.getFirst("from")), Params.date("to", q.getFirst("to")));
    }

    @GET
    @Path("activities")
    public ActivityReportDTO activities(@Context UriInfo uri) {
        MultivaluedMap<String, String> q = Params.only(uri, "from", "to");
        return reports.activities(Params.date("from", q.getFirst("from")), Params.date("to", q.getFirst("to")));
    }

    /** A team's month ({@code month=2026-12}) against its members' targets. */
    @GET
    @Path("teams/{id}")
    public TeamPerformanceDTO team(@PathParam("id") String id, @Context UriInfo uri) {
        return reports.team(Params.id("Team", id), Params.only(uri, "month").getFirst("month"));
    }

    @GET
    @Path("cases")
    public CaseReportDTO cases(@Context UriInfo uri) {
        Params.only(uri);
        return reports.cases();
    }
}
