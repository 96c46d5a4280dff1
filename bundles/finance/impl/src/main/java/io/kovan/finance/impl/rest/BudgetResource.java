package io.kovan.finance.impl.rest;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.kovan.finance.api.BudgetDTO;
import io.kovan.finance.api.BudgetLineDTO;
import io.kovan.finance.api.BudgetService;
import io.kovan.kernel.api.rest.Params;

/** {@code /api/finance/budgets}: budgets per account (and cost centre) and month, and budget against actual. */
@Component(service = BudgetResource.class)
@JaxrsResource
@JaxrsApplicationSelect(FinanceApplication.SELECT)
@Path("budgets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BudgetResource {

    private final BudgetService budgets;

    @Activate
    public BudgetResource(@Reference BudgetService budgets) {
        this.budgets = budgets;
    }

    /** A year's budgets (default this year), {@code ?account=} for one account's. */
    @GET
    public List<BudgetDTO> list(@QueryParam("year") String year, @QueryParam("account") String account) {
        return budgets.list(year(year), account == null ? null : Params.longValue("account", account));
    }

    /** Creates a budget, or replaces the amount of the one for the same account, cost centre and month. */
    @POST
    public Response save(BudgetDTO budget) {
        return Response.ok(budgets.save(Params.body(budget))).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        budgets.delete(Params.id("Budget", id));
        return Response.noContent().build();
    }

    /** Budget against actual for a year (default this year), or one month of it. */
    @GET
    @Path("report")
    public List<BudgetLineDTO> report(@QueryParam("year") String year, @QueryParam("month") String month) {
        return budgets.report(year(year), month == null ? null : (int) Params.longValue("month", month));
    }

    private static int year(String raw) {
        return raw == null ? LocalDate.now(ZoneOffset.UTC).getYear() : (int) Params.longValue("year", raw);
    }
}
