package io.kovan.crm.impl.console;

import java.util.HashMap;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.kovan.crm.api.LeadDTO;
import io.kovan.crm.api.LeadService;
import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;
import io.kovan.kernel.api.security.Caller;

/** {@code crm:lead-list}. */
@Service
@Command(scope = "crm", name = "lead-list", description = "Lists leads, filtered like GET /api/crm/leads")
public class LeadListCommand implements Action {

    @Reference
    Caller caller;

    @Reference
    LeadService leads;

    @Option(name = "--status", description = "NEW, QUALIFIED, CONVERTED, DISQUALIFIED or MERGED")
    String status;

    @Option(name = "--owner", description = "Owner's user name")
    String owner;

    @Option(name = "-q", description = "Text to search in number, names, e-mail and phone")
    String q;

    @Option(name = "--limit", description = "At most this many (default 50)")
    int limit = PageRequest.DEFAULT_LIMIT;

    @Override
    public Object execute() {
        caller.require("crm.leads.read");
        Map<String, String> filters = new HashMap<>();
        if (status != null) {
            filters.put("status", status);
        }
        if (owner != null) {
            filters.put("owner", owner);
        }
        Page<LeadDTO> page = leads.list(new PageRequest(0, limit, q, null, filters));
        ShellTable table = new ShellTable();
        table.column("Number");
        table.column("Contact");
        table.column("Company");
        table.column("E-mail");
        table.column("Source");
        table.column("Owner");
        table.column("Score").alignRight();
        table.column("Status");
        for (LeadDTO l : page.items()) {
            table.addRow().addContent(l.number(), dash(l.contactName()), dash(l.companyName()), dash(l.email()), dash(l.source()), l.owner(),
                l.score() == null ? "-" : l.score(), l.status());
        }
        table.print(System.out);
        System.out.println(page.items().size() + " of " + page.total() + " leads");
        return null;
    }

    static String dash(Object value) {
        return value == null ? "-" : value.toString();
    }
}
