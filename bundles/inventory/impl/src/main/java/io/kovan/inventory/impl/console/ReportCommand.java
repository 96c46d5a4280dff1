package io.kovan.inventory.impl.console;

import java.time.LocalDate;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.kovan.inventory.api.InventoryReportService;
import io.kovan.inventory.api.SlowMoverDTO;
import io.kovan.inventory.api.TurnoverDTO;
import io.kovan.inventory.api.ValuationDTO;
import io.kovan.kernel.api.ValidationException;
import io.kovan.kernel.api.rest.Params;
import io.kovan.kernel.api.security.Caller;

/** {@code stock:report valuation|turnover|slow-movers}. */
@Service
@Command(scope = "stock", name = "report", description = "Prints an inventory report: valuation, turnover or slow-movers")
public class ReportCommand implements Action {

    @Reference
    Caller caller;

    @Reference
    InventoryReportService reports;

    @Option(name = "--from", description = "Period start, YYYY-MM-DD (turnover; default: 30 days ago)")
    String from;

    @Option(name = "--to", description = "Period end or valuation date, YYYY-MM-DD (default: today)")
    String to;

    @Option(name = "--group-by", description = "product (default) or category (turnover)")
    String groupBy;

    @Option(name = "--days", description = "Days without an issue (slow-movers; default 90)")
    int days = 90;

    @Argument(index = 0, name = "report", required = true, description = "valuation, turnover or slow-movers")
    String report;

    @Override
    public Object execute() {
        caller.require("inventory.reports.read");
        LocalDate end = to == null ? LocalDate.now(java.time.ZoneOffset.UTC) : Params.date("to", to);
        switch (report) {
            case "valuation" -> {
                ValuationDTO v = reports.valuation(end, null);
                ShellTable table = StockCommand.table("Warehouse", "Product", "Category", ">On hand", ">Unit cost", ">Value");
                for (ValuationDTO.Warehouse w : v.warehouses()) {
                    for (ValuationDTO.Line l : w.products()) {
                        table.addRow().addContent(w.code(), l.productCode(), StockCommand.dash(l.category()), StockCommand.dash(l.onHand()),
                            StockCommand.dash(l.unitCost()), StockCommand.dash(l.value()));
                    }
                }
                table.print(System.out);
                System.out.println("Total " + StockCommand.dash(v.totalValue()) + " " + v.currency() + " on " + v.date());
            }
            case "turnover" -> {
                LocalDate start = from == null ? end.minusDays(29) : Params.date("from", from);
                TurnoverDTO t = reports.turnover(start, end, groupBy);
                ShellTable table = StockCommand.table("Key", "Name", ">Opening", ">Closing", ">COGS", ">Turnover", ">Days");
                for (TurnoverDTO.Row r : t.rows()) {
                    table.addRow().addContent(r.key(), r.name(), StockCommand.dash(r.openingValue()), StockCommand.dash(r.closingValue()),
                        StockCommand.dash(r.costOfGoodsIssued()), StockCommand.dash(r.turnover()), StockCommand.dash(r.daysOfInventory()));
                }
                table.print(System.out);
            }
            case "slow-movers" -> {
                ShellTable table = StockCommand.table("Product", "Category", ">On hand", ">Value", "Last issued", ">Days idle");
                for (SlowMoverDTO s : reports.slowMovers(days)) {
                    table.addRow().addContent(s.productCode(), StockCommand.dash(s.category()), StockCommand.dash(s.onHand()), StockCommand.dash(s.value()),
                        StockCommand.dash(s.lastIssued()), StockCommand.dash(s.daysSinceLastIssue()));
                }
                table.print(System.out);
            }
            default -> throw new ValidationException("report", "must be valuation, turnover or slow-movers");
        }
        return null;
    }
}
