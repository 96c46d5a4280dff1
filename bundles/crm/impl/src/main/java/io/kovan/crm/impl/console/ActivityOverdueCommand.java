package io.kovan.crm.impl.console;

import java.util.HashMap;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.kovan.crm.api.ActivityDTO;
import io.kovan.crm.api.ActivityService;
import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;
import io.kovan.kernel.api.security.Caller;

/** {@code crm:activity-overdue}: open activities past their due time, oldest first. */
@Service
@Command(scope = "crm", name = "activity-overdue", description = "Lists overdue activities, per owner")
public class ActivityOverdueCommand implements Action {

    @Reference
    Caller caller;

    @Reference
    ActivityService activities;

    @Option(name = "--owner", description = "Only this owner's")
    String owner;

    @Override
    public Object execute() {
        caller.require("crm.activities.read");
        Map<String, String> filters = new HashMap<>();
        filters.put("overdue", "true");
        if (owner != null) {
            filters.put("owner", owner);
        }
        Page<ActivityDTO> page = activities.list(new PageRequest(0, PageRequest.MAX_LIMIT, null, "dueAt", filters));
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Owner");
        table.column("Type");
        table.column("Subject");
        table.column("Due");
        for (ActivityDTO a : page.items()) {
            table.addRow().addContent(a.id(), a.owner(), a.type(), a.subject(), a.dueAt());
        }
        table.print(System.out);
        System.out.println(page.total() + " overdue");
        return null;
    }
}
