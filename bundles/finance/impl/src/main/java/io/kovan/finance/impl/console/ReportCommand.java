package io.kovan.finance.impl.console;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.kovan.finance.api.CashFlowDTO;
import io.kovan.finance.api.FinanceReportService;
import io.kovan.finance.api.FinancialStatementDTO;
import io.kovan.finance.api.GrossMarginDTO;
import io.kovan.finance.api.VatReportDTO;
import io.kovan.kernel.api.KovanException;
import io.kovan.kernel.api.rest.Params;
import io.kovan.kernel.api.security.Caller;

/** {@code finance:report balance-sheet|income-statement|cash-flow|vat|gross-margin}: the reports as console tables. */
@Service
@Command(scope = "finance", name = "report", description = "Balance sheet, income statement, cash flow, VAT or gross margin as a table")
public class ReportCommand implements Action {

    @Reference
    Caller caller;

    @Reference
    FinanceReportService reports;

    @Argument(index = 0, name = "report", description = "balance-sheet, income-statement, cash-flow, vat or gross-margin", required = true)
    String report;

    @Option(name = "--from", description = "First day (default: 1 January of --to's year; the month's first for vat)")
    String from;

    @Option(name = "--to", description = "Last day, or the balance sheet's day (default: today)")
    String to;

    @Option(name = "--by", description = "gross-margin: product (default) or customer")
    String by;

    @Override
    public Object execute() {
        caller.require("finance.reports.read");
        try {
            LocalDate first = from == null ? null : Params.date("from", from);
            LocalDate last = to == null ? null : Params.date("to", to);
            ShellTable table = new ShellTable();
            switch (report) {
                case "balance-sheet", "income-statement" -> {
                    FinancialStatementDTO s = report.equals("balance-sheet") ? reports.balanceSheet(last) : reports.incomeStatement(first, last);
                    table.column("Code");
                    table.column("Name");
                    table.column("Amount").alignRight();
                    s.rows().forEach(r -> table.addRow().addContent(r.code(), "  ".repeat(Math.max(0, r.level() - 1)) + r.name(), plain(r.amount())));
                    table.print(System.out);
                    s.totals().forEach((k, v) -> System.out.println(k + " " + plain(v) + " " + s.currency()));
                }
                case "cash-flow" -> {
                    CashFlowDTO c = reports.cashFlow(first, last);
                    table.column("Category");
                    table.column("In").alignRight();
                    table.column("Out").alignRight();
                    table.column("Net").alignRight();
                    c.lines().forEach(l -> table.addRow().addContent(l.category(), plain(l.inflow()), plain(l.outflow()), plain(l.net())));
                    table.print(System.out);
                    System.out.println("cash " + plain(c.openingCash()) + " → " + plain(c.closingCash()) + " " + c.currency());
                }
                case "vat" -> {
                    VatReportDTO v = reports.vat(first, last);
                    table.column("Side");
                    table.column("Rate").alignRight();
                    table.column("Taxable").alignRight();
                    table.column("VAT").alignRight();
                    v.output().forEach(l -> table.addRow().addContent("output", plain(l.rate()), plain(l.taxableAmount()), plain(l.vatAmount())));
                    v.input().forEach(l -> table.addRow().addContent("input", plain(l.rate()), plain(l.taxableAmount()), plain(l.vatAmount())));
                    table.print(System.out);
                    System.out.println("payable " + plain(v.payable()) + " " + v.currency());
                }
                case "gross-margin" -> {
                    GrossMarginDTO g = reports.grossMargin(by, first, last);
                    table.column(g.groupBy());
                    table.column("Revenue").alignRight();
                    table.column("Cost").alignRight();
                    table.column("Margin").alignRight();
                    table.column("%").alignRight();
                    g.rows().forEach(r -> table.addRow().addContent(r.name(), plain(r.revenue()), plain(r.cost()), plain(r.margin()), plain(r.marginPercent())));
                    table.print(System.out);
                }
                default -> System.out.println("report: must be balance-sheet, income-statement, cash-flow, vat or gross-margin");
            }
        } catch (KovanException e) {
            System.out.println(e.getMessage());
        }
        return null;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "-" : value.toPlainString();
    }
}
