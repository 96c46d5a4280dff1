package io.kovan.finance.impl.console;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.kovan.finance.api.AgeingDTO;
import io.kovan.finance.api.AgeingRowDTO;
import io.kovan.finance.api.FinanceReportService;
import io.kovan.kernel.api.KovanException;
import io.kovan.kernel.api.rest.Params;
import io.kovan.kernel.api.security.Caller;

/** {@code finance:ageing}. */
@Service
@Command(scope = "finance", name = "ageing", description = "Receivables or payables by days past due, as GET /api/finance/reports/ageing")
public class AgeingCommand implements Action {

    @Reference
    Caller caller;

    @Reference
    FinanceReportService reports;

    @Option(name = "--kind", description = "RECEIVABLE (default) or PAYABLE")
    String kind;

    @Option(name = "--date", description = "As of this day (default: today)")
    String date;

    @Override
    public Object execute() {
        caller.require("finance.reports.read");
        try {
            AgeingDTO a = reports.ageing(kind, date == null ? null : Params.date("date", date));
            ShellTable table = new ShellTable();
            table.column("Party");
            for (String c : new String[] {"Not due", "0-30", "31-60", "61-90", "90+", "Total"}) {
                table.column(c).alignRight();
            }
            for (AgeingRowDTO r : a.rows()) {
                row(table, r.partyName(), r);
            }
            row(table, "Total", a.total());
            table.print(System.out);
            System.out.println(a.kind() + " on " + a.asOf() + ", " + a.currency());
        } catch (KovanException e) {
            System.out.println(e.getMessage());
        }
        return null;
    }

    private static void row(ShellTable table, String name, AgeingRowDTO r) {
        table.addRow().addContent(name, r.notDue().toPlainString(), r.days0to30().toPlainString(), r.days31to60().toPlainString(),
            r.days61to90().toPlainString(), r.over90().toPlainString(), r.total().toPlainString());
    }
}
