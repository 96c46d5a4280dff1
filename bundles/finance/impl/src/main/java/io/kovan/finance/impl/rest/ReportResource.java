package io.kovan.finance.impl.rest;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.GET;
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

import com.opencsv.CSVWriter;

import io.kovan.finance.api.AgeingDTO;
import io.kovan.finance.api.AgeingRowDTO;
import io.kovan.finance.api.CreditExposureDTO;
import io.kovan.finance.api.CreditExposureService;
import io.kovan.finance.api.FinanceReportService;
import io.kovan.finance.api.FinancialStatementDTO;
import io.kovan.finance.api.GrossMarginDTO;
import io.kovan.finance.api.LedgerDTO;
import io.kovan.finance.api.TrialBalanceDTO;
import io.kovan.finance.api.VatReportDTO;
import io.kovan.kernel.api.ValidationException;
import io.kovan.kernel.api.rest.Params;

/**
 * {@code /api/finance/reports/…}: JSON, or CSV with {@code ?format=csv} (one row per line of the
 * report, amounts as plain decimals), and {@code /api/finance/credit-exposure/{party}}.
 */
@Component(service = ReportResource.class)
@JaxrsResource
@JaxrsApplicationSelect(FinanceApplication.SELECT)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private static final String CSV = "text/csv;charset=UTF-8";

    private final FinanceReportService reports;
    private final CreditExposureService exposure;

    @Activate
    public ReportResource(@Reference FinanceReportService reports, @Reference CreditExposureService exposure) {
        this.reports = reports;
        this.exposure = exposure;
    }

    @GET
    @Path("reports/trial-balance")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response trialBalance(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("format") String format) {
        TrialBalanceDTO tb = reports.trialBalance(date("from", from), date("to", to));
        return csv(format) ? csv("trial-balance", List.of("account", "name", "type", "opening", "debit", "credit", "closing"), tb.rows().stream()
            .map(r -> List.<Object>of(r.accountCode(), r.accountName(), r.type(), r.openingBalance(), r.debit(), r.credit(), r.closingBalance())).toList())
            : Response.ok(tb).build();
    }

    @GET
    @Path("reports/general-ledger")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response generalLedger(@QueryParam("account") String account, @QueryParam("from") String from, @QueryParam("to") String to,
        @QueryParam("format") String format) {
        if (account == null) {
            throw new ValidationException("account", "is required: the account's id");
        }
        return ledger(reports.generalLedger(Params.longValue("account", account), date("from", from), date("to", to)), format, "general-ledger");
    }

    /** A customer's or supplier's statement (cari hesap ekstresi). */
    @GET
    @Path("reports/statement")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response statement(@QueryParam("party") String party, @QueryParam("from") String from, @QueryParam("to") String to,
        @QueryParam("format") String format) {
        if (party == null) {
            throw new ValidationException("party", "is required: the party's id");
        }
        return ledger(reports.statement(Params.longValue("party", party), date("from", from), date("to", to)), format, "statement");
    }

    private Response ledger(LedgerDTO ledger, String format, String name) {
        return csv(format) ? csv(name, List.of("date", "entry", "account", "description", "debit", "credit", "balance"), ledger.lines().stream()
            .map(l -> List.<Object>of(l.date(), nz(l.entryNumber()), l.accountCode(), nz(l.description()), l.debit(), l.credit(), l.balance())).toList())
            : Response.ok(ledger).build();
    }

    @GET
    @Path("reports/balance-sheet")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response balanceSheet(@QueryParam("date") String date, @QueryParam("format") String format) {
        return statement(reports.balanceSheet(date("date", date)), format);
    }

    @GET
    @Path("reports/income-statement")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response incomeStatement(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("format") String format) {
        return statement(reports.incomeStatement(date("from", from), date("to", to)), format);
    }

    private Response statement(FinancialStatementDTO s, String format) {
        return csv(format) ? csv(s.statement(), List.of("code", "name", "level", "amount"), s.rows().stream()
            .map(r -> List.<Object>of(r.code(), r.name(), r.level(), r.amount())).toList()) : Response.ok(s).build();
    }

    @GET
    @Path("reports/ageing")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response ageing(@QueryParam("kind") String kind, @QueryParam("date") String date, @QueryParam("format") String format) {
        AgeingDTO a = reports.ageing(kind, date("date", date));
        List<AgeingRowDTO> rows = new ArrayList<>(a.rows());
        rows.add(a.total());
        return csv(format) ? csv("ageing", List.of("party", "name", "not due", "0-30", "31-60", "61-90", "90+", "total"), rows.stream()
            .map(r -> List.<Object>of(r.partyId() == null ? "" : r.partyId(), r.partyName() == null ? "TOTAL" : r.partyName(), r.notDue(), r.days0to30(),
                r.days31to60(), r.days61to90(), r.over90(), r.total())).toList()) : Response.ok(a).build();
    }

    @GET
    @Path("reports/vat")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response vat(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("format") String format) {
        VatReportDTO v = reports.vat(date("from", from), date("to", to));
        List<List<Object>> rows = new ArrayList<>();
        v.output().forEach(l -> rows.add(List.of("output", l.rate(), l.taxableAmount(), l.vatAmount())));
        v.input().forEach(l -> rows.add(List.of("input", l.rate(), l.taxableAmount(), l.vatAmount())));
        return csv(format) ? csv("vat", List.of("side", "rate", "taxable", "vat"), rows) : Response.ok(v).build();
    }

    @GET
    @Path("reports/gross-margin")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response grossMargin(@QueryParam("groupBy") String groupBy, @QueryParam("from") String from, @QueryParam("to") String to,
        @QueryParam("format") String format) {
        GrossMarginDTO g = reports.grossMargin(groupBy, date("from", from), date("to", to));
        return csv(format) ? csv("gross-margin", List.of("key", "name", "revenue", "cost", "margin", "margin %"), g.rows().stream()
            .map(r -> List.<Object>of(r.key(), r.name(), r.revenue(), r.cost(), r.margin(), r.marginPercent() == null ? "" : r.marginPercent())).toList())
            : Response.ok(g).build();
    }

    /** Cash flow by the direct method: JSON, CSV, or a PNG chart of the months with {@code ?format=png}. */
    @GET
    @Path("reports/cash-flow")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "image/png"})
    public Response cashFlow(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("format") String format) {
        io.kovan.finance.api.CashFlowDTO flow = reports.cashFlow(date("from", from), date("to", to));
        if ("png".equalsIgnoreCase(format)) {
            return Response.ok(CashFlowChart.png(flow), "image/png").build();
        }
        return csv(format) ? csv("cash-flow", List.of("category", "inflow", "outflow", "net"), flow.lines().stream()
            .map(l -> List.<Object>of(l.category(), l.inflow(), l.outflow(), l.net())).toList()) : Response.ok(flow).build();
    }

    @GET
    @Path("credit-exposure/{party}")
    public CreditExposureDTO creditExposure(@PathParam("party") String party) {
        return exposure.exposure(Params.id("Party", party));
    }

    private static java.time.LocalDate date(String name, String raw) {
        return raw == null ? null : Params.date(name, raw);
    }

    private static boolean csv(String format) {
        if (format == null || format.equalsIgnoreCase("json")) {
            return false;
        }
        if (!format.equalsIgnoreCase("csv")) {
            throw new ValidationException("format", "must be json or csv (png for the cash flow)");
        }
        return true;
    }

    private static Object nz(Object value) {
        return value == null ? "" : value;
    }

    private static Response csv(String name, List<String> header, List<List<Object>> rows) {
        StringWriter out = new StringWriter();
        try (CSVWriter writer = new CSVWriter(out)) {
            writer.writeNext(header.toArray(String[]::new), false);
            for (List<Object> row : rows) {
                writer.writeNext(row.stream().map(v -> v instanceof BigDecimal b ? b.toPlainString() : String.valueOf(v)).toArray(String[]::new), false);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return Response.ok(out.toString(), CSV).header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").build();
    }
}
