package io.kovan.crm.impl.console;

import java.util.HashMap;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.kovan.crm.api.OpportunityDTO;
import io.kovan.crm.api.OpportunityService;
import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;
import io.kovan.kernel.api.security.Caller;

/** {@code crm:opportunity-list}. */
@Service
@Command(scope = "crm", name = "opportunity-list", description = "Lists opportunities, filtered like GET /api/crm/opportunities")
public class OpportunityListCommand implements Action {

    @Reference
    Caller caller;

    @Reference
    OpportunityService opportunities;

    @Option(name = "--stage", description = "A stage code (new, qualified, proposal, negotiation, won, lost …)")
    String stage;

    @Option(name = "--owner", description = "Owner's user name")
    String owner;

    @Option(name = "--limit", description = "At most this many (default 50)")
    int limit = PageRequest.DEFAULT_LIMIT;

    @Override
    public Object execute() {
        caller.require("crm.opportunities.read");
        Map<String, String> filters = new HashMap<>();
        if (stage != null) {
            filters.put("stage", stage);
        }
        if (owner != null) {
            filters.put("owner", owner);
        }
        Page<OpportunityDTO> page = opportunities.list(new PageRequest(0, limit, null, null, filters));
        ShellTable table = new ShellTable();
        table.column("Number");
        table.column("Name");
        table.column("Stage");
        table.column("Probability").alignRight();
        table.column("Expected").alignRight();
        table.column("Weighted").alignRight();
        table.column("Currency");
        table.column("Close");
        table.column("Owner");
        for (OpportunityDTO o : page.items()) {
            table.addRow().addContent(o.number(), o.name(), o.stage(), o.probability().stripTrailingZeros().toPlainString() + " %",
                LeadListCommand.dash(o.expectedRevenue()), LeadListCommand.dash(o.weightedRevenue()), o.currency(),
                LeadListCommand.dash(o.expectedCloseDate()), o.owner());
        }
        table.print(System.out);
        System.out.println(page.items().size() + " of " + page.total() + " opportunities");
        return null;
    }
}
