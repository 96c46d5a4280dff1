package io.kovan.crm.impl.console;

import java.util.HashMap;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.kovan.crm.api.CaseDTO;
import io.kovan.crm.api.CaseService;
import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;
import io.kovan.kernel.api.security.Caller;

/** {@code crm:case-list}. */
@Service
@Command(scope = "crm", name = "case-list", description = "Lists after-sales cases with their SLA state")
public class CaseListCommand implements Action {

    @Reference
    Caller caller;

    @Reference
    CaseService cases;

    @Option(name = "--open", description = "Only cases not yet resolved")
    boolean open;

    @Option(name = "--breached", description = "Only cases that missed a deadline")
    boolean breached;

    @Override
    public Object execute() {
        caller.require("crm.cases.read");
        Map<String, String> filters = new HashMap<>();
        if (open) {
            filters.put("open", "true");
        }
        if (breached) {
            filters.put("breached", "true");
        }
        Page<CaseDTO> page = cases.list(new PageRequest(0, PageRequest.MAX_LIMIT, null, null, filters));
        ShellTable table = new ShellTable();
        table.column("Number");
        table.column("Party").alignRight();
        table.column("Subject");
        table.column("Priority");
        table.column("State");
        table.column("Owner");
        table.column("SLA");
        for (CaseDTO c : page.items()) {
            String sla = Boolean.TRUE.equals(c.responseBreached()) || Boolean.TRUE.equals(c.resolutionBreached())
                ? "BREACHED" + (Boolean.TRUE.equals(c.responseBreached()) ? " response" : "") + (Boolean.TRUE.equals(c.resolutionBreached()) ? " resolution" : "")
                : "ok";
            table.addRow().addContent(c.number(), c.partyId(), c.subject(), c.priority(), c.state(), c.owner(), sla);
        }
        table.print(System.out);
        System.out.println(page.items().size() + " of " + page.total() + " cases");
        return null;
    }
}
