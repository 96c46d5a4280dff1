package io.kovan.finance.impl.console;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.kovan.finance.api.FinanceReportService;
import io.kovan.finance.api.TrialBalanceDTO;
import io.kovan.finance.api.TrialBalanceRowDTO;
import io.kovan.kernel.api.KovanException;
import io.kovan.kernel.api.rest.Params;
import io.kovan.kernel.api.security.Caller;

/** {@code finance:trial-balance}. */
@Service
@Command(scope = "finance", name = "trial-balance", description = "The trial balance (mizan) of a period, as GET /api/finance/reports/trial-balance")
public class TrialBalanceCommand implements Action {

    @Reference
    Caller caller;

    @Reference
    FinanceReportService reports;

    @Option(name = "--from", description = "First day (default: 1 January of --to's year)")
    String from;

    @Option(name = "--to", description = "Last day (default: today)")
    String to;

    @Override
    public Object execute() {
        caller.require("finance.reports.read");
        try {
            TrialBalanceDTO tb = reports.trialBalance(from == null ? null : Params.date("from", from), to == null ? null : Params.date("to", to));
            ShellTable table = new ShellTable();
            table.column("Account");
            table.column("Name");
            table.column("Opening").alignRight();
            table.column("Debit").alignRight();
            table.column("Credit").alignRight();
            table.column("Closing").alignRight();
            for (TrialBalanceRowDTO r : tb.rows()) {
                table.addRow().addContent(r.accountCode(), r.accountName(), r.openingBalance().toPlainString(), r.debit().toPlainString(),
                    r.credit().toPlainString(), r.closingBalance().toPlainString());
            }
            table.addRow().addContent("", "Total", "", tb.totalDebit().toPlainString(), tb.totalCredit().toPlainString(), "");
            table.print(System.out);
            System.out.println(tb.from() + " to " + tb.to() + ", " + tb.currency() + (tb.balanced() ? ", balanced" : ", NOT BALANCED"));
        } catch (KovanException e) {
            System.out.println(e.getMessage());
        }
        return null;
    }
}
