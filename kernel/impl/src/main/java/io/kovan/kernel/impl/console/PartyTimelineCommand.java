package io.kovan.kernel.impl.console;

import static io.kovan.kernel.impl.console.PagedListCommand.orDash;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.kovan.kernel.api.party.PartyService;
import io.kovan.kernel.api.security.Caller;
import io.kovan.kernel.api.timeline.TimelineDTO;
import io.kovan.kernel.api.timeline.TimelineEntryDTO;
import io.kovan.kernel.api.timeline.TimelineService;

/** {@code core:party-timeline}: what every installed module recorded about a party, newest first. */
@Service
@Command(scope = "core", name = "party-timeline", description = "Shows a party's timeline across the installed modules, newest first")
public class PartyTimelineCommand implements Action {

    @Reference
    Caller caller;

    @Reference
    PartyService parties;

    @Reference
    TimelineService timeline;

    @Argument(index = 0, name = "party", required = true, description = "Party code (C-000042) or id")
    @Completion(PartyCompleter.class)
    String party;

    @Option(name = "--limit", description = "How many entries (default 20)")
    int limit = 20;

    @Override
    public Object execute() {
        caller.require("core.parties.read");
        TimelineDTO t = timeline.timeline(parties.find(party).id(), null, limit);
        ShellTable table = new ShellTable();
        table.column("At (UTC)");
        table.column("Module");
        table.column("What");
        table.column("Document");
        table.column("Amount").alignRight();
        table.column("User");
        for (TimelineEntryDTO e : t.items()) {
            table.addRow().addContent(e.at(), e.module(), e.title(), orDash(e.number()),
                e.amount() == null ? "-" : e.amount().toPlainString() + " " + orDash(e.currency()), orDash(e.user()));
        }
        table.print(System.out);
        if (!t.unavailable().isEmpty()) {
            System.out.println("Not shown, could not be read: " + String.join(", ", t.unavailable()));
        }
        return null;
    }
}
