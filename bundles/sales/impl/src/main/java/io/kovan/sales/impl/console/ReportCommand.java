package io.kovan.sales.impl.console;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;

import io.kovan.kernel.api.KovanException;
import io.kovan.kernel.api.security.Caller;
import io.kovan.sales.api.DeliveryLineDTO;
import io.kovan.sales.api.DeliveryPerformanceDTO;
import io.kovan.sales.api.OpenOrderLineDTO;
import io.kovan.sales.api.SalesReportDTO;
import io.kovan.sales.api.SalesReportRowDTO;
import io.kovan.sales.api.SalesReportService;

/** {@code sales:report <sales|open-orders|delivery>}: the same figures as GET /api/sales/reports/…, as tables. */
@Service
@Command(scope = "sales", name = "report", description = "Prints a sales report: sales, open-orders or delivery")
public class ReportCommand implements Action {

    @Reference
    Caller caller;

    @Reference
    SalesReportService reports;

    @Argument(index = 0, name = "report", description = "sales, open-orders or delivery", required = true)
    @Completion(value = StringsCompleter.class, values = {"sales", "open-orders", "delivery"})
    String report;

    @Option(name = "--from", description = "First day (YYYY-MM-DD)")
    String from;

    @Option(name = "--to", description = "Last day (YYYY-MM-DD)")
    String to;

    @Option(name = "--group-by", description = "sales: period, customer, product or salesperson")
    String groupBy;

    @Override
    public Object execute() {
        caller.require("sales.reports.read");
        LocalDate first;
        LocalDate last;
        try {
            first = from == null ? null : LocalDate.parse(from);
            last = to == null ? null : LocalDate.parse(to);
        } catch (DateTimeParseException e) {
            System.out.println("--from and --to are dates as YYYY-MM-DD: " + e.getParsedString());
            return null;
        }
        try {
            switch (report) {
                case "sales" -> sales(reports.sales(first, last, groupBy));
                case "open-orders" -> openOrders();
                case "delivery" -> delivery(reports.deliveryPerformance(first, last));
                default -> System.out.println("Unknown report " + report + "; use sales, open-orders or delivery");
            }
        } catch (KovanException e) {
            System.out.println(e.getMessage());
        }
        return null;
    }

    private static void sales(SalesReportDTO r) {
        ShellTable table = new ShellTable();
        table.column(r.groupBy());
        table.column("Name");
        table.column("Orders").alignRight();
        table.column("Quantity").alignRight();
        table.column("Net " + r.currency()).alignRight();
        table.column("Cost").alignRight();
        table.column("Margin").alignRight();
        table.column("Margin %").alignRight();
        for (SalesReportRowDTO row : r.rows()) {
            add(table, row);
        }
        add(table, r.totals());
        table.print(System.out);
    }

    private static void add(ShellTable table, SalesReportRowDTO row) {
        table.addRow().addContent(OrderListCommand.dash(row.key()), row.name(), row.orders(), row.quantity().toPlainString(),
            row.netAmount().toPlainString(), row.cost().toPlainString(), row.margin().toPlainString(), OrderListCommand.dash(row.marginPercent()));
    }

    private void openOrders() {
        ShellTable table = new ShellTable();
        table.column("Order");
        table.column("Line").alignRight();
        table.column("Customer");
        table.column("Product");
        table.column("Open").alignRight();
        table.column("Reserved").alignRight();
        table.column("Back-order").alignRight();
        table.column("Promised");
        for (OpenOrderLineDTO l : reports.openOrders()) {
            table.addRow().addContent(l.orderNumber(), l.lineNo(), l.customerName(), l.productCode(), l.openQuantity().toPlainString(),
                l.reservedQuantity().toPlainString(), l.backorderQuantity().toPlainString(), OrderListCommand.dash(l.promisedDate()));
        }
        table.print(System.out);
    }

    private static void delivery(DeliveryPerformanceDTO r) {
        ShellTable table = new ShellTable();
        table.column("Shipment");
        table.column("Order");
        table.column("Product");
        table.column("Quantity").alignRight();
        table.column("Promised");
        table.column("Shipped");
        table.column("Days late").alignRight();
        for (DeliveryLineDTO l : r.lines()) {
            table.addRow().addContent(l.shipmentNumber(), l.orderNumber(), l.productCode(), l.quantity().toPlainString(),
                OrderListCommand.dash(l.promisedDate()), l.shippedDate(), l.daysLate());
        }
        table.print(System.out);
        System.out.println(r.lineCount() + " lines, " + r.onTime() + " on time, " + r.late() + " late; on time "
            + OrderListCommand.dash(r.onTimePercent()) + " %, average " + r.averageDaysLate().toPlainString() + " days late");
    }
}
