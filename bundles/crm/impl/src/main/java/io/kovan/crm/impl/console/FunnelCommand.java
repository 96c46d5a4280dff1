package io.kovan.crm.impl.console;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.kovan.crm.api.CrmReportService;
import io.kovan.crm.api.FunnelDTO;
import io.kovan.kernel.api.security.Caller;

/** {@code crm:funnel}: the sales funnel as a table, as GET /api/crm/reports/funnel. */
@Service
@Command(scope = "crm", name = "funnel", description = "Prints the sales funnel of the opportunities created in a period")
public class FunnelCommand implements Action {

    @Reference
    Caller caller;

    @Reference
    CrmReportService reports;

    @Option(name = "--from", description = "First day (YYYY-MM-DD)")
    String from;

    @Option(name = "--to", description = "Last day (YYYY-MM-DD)")
    String to;

    @Override
    public Object execute() {
        caller.require("crm.reports.read");
        FunnelDTO funnel;
        try {
            funnel = reports.funnel(from == null ? null : LocalDate.parse(from), to == null ? null : LocalDate.parse(to), Map.of());
        } catch (DateTimeParseException e) {
            System.out.println("--from and --to are dates as YYYY-MM-DD: " + e.getParsedString());
            return null;
        }
        print(funnel);
        return null;
    }

    static void print(FunnelDTO funnel) {
        ShellTable table = new ShellTable();
        table.column("Stage");
        table.column("Prob.").alignRight();
        table.column("Reached").alignRight();
        table.column("Reached value").alignRight();
        table.column("Now").alignRight();
        table.column("Value now").alignRight();
        table.column("Weighted").alignRight();
        table.column("To next").alignRight();
        for (FunnelDTO.FunnelStageDTO s : funnel.stages()) {
            table.addRow().addContent(s.name(), s.probability().stripTrailingZeros().toPlainString() + " %", s.reached(), s.reachedValue(),
                s.current(), s.currentValue(), s.weightedValue(), s.conversionToNext() == null ? "-" : s.conversionToNext() + " %");
        }
        table.print(System.out);
        System.out.println(funnel.opportunities() + " opportunities, " + funnel.won() + " won, " + funnel.lost() + " lost, win rate "
            + (funnel.winRate() == null ? "-" : funnel.winRate() + " %") + ", weighted pipeline " + funnel.weightedPipeline() + " "
            + funnel.currency());
    }
}
