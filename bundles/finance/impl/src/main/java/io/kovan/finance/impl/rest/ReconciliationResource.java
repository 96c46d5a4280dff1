package io.kovan.finance.impl.rest;

import java.time.LocalDate;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.kovan.finance.api.ReconciliationDTO;
import io.kovan.finance.api.ReconciliationService;
import io.kovan.kernel.api.ValidationException;
import io.kovan.kernel.api.rest.Params;

/** {@code /api/finance/reconciliation}: a bank account against its statement, and matching its lines. */
@Component(service = ReconciliationResource.class)
@JaxrsResource
@JaxrsApplicationSelect(FinanceApplication.SELECT)
@Path("reconciliation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReconciliationResource {

    /** The statement's day and reference, and the account's lines it shows. */
    public record ReconcileDTO(Long accountId, LocalDate date, String statementRef, List<Long> lineIds) {
    }

    private final ReconciliationService reconciliation;

    @Activate
    public ReconciliationResource(@Reference ReconciliationService reconciliation) {
        this.reconciliation = reconciliation;
    }

    @GET
    public ReconciliationDTO get(@QueryParam("account") String account, @QueryParam("date") String date,
        @QueryParam("statementBalance") String statementBalance) {
        if (account == null) {
            throw new ValidationException("account", "is required: the bank or cash account's id");
        }
        return reconciliation.reconciliation(Params.longValue("account", account), date == null ? null : Params.date("date", date),
            statementBalance == null ? null : Params.decimal("statementBalance", statementBalance));
    }

    @POST
    public ReconciliationDTO reconcile(ReconcileDTO body) {
        ReconcileDTO b = Params.body(body);
        if (b.accountId() == null) {
            throw new ValidationException("accountId", "is required");
        }
        return reconciliation.reconcile(b.accountId(), b.date(), b.statementRef(), b.lineIds());
    }
}
