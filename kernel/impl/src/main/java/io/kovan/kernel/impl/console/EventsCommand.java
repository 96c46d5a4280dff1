package io.kovan.kernel.impl.console;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.kovan.kernel.api.event.DomainEvent;
import io.kovan.kernel.api.security.Caller;
import io.kovan.kernel.impl.event.EventPublisherImpl;

/** {@code kovan:events}: the most recent domain events from the outbox. */
@Service
@Command(scope = "kovan", name = "events", description = "Lists the most recent domain events, newest first")
public class EventsCommand implements Action {

    @Reference
    Caller caller;

    @Reference
    EventPublisherImpl events;

    @Option(name = "--limit", description = "How many (default 20)")
    int limit = 20;

    @Override
    public Object execute() {
        caller.require("core.events.read");
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Event");
        table.column("At");
        table.column("User");
        table.column("Data");
        for (DomainEvent e : events.recent(Math.max(1, Math.min(limit, 500)))) {
            table.addRow().addContent(e.id(), e.name(), e.at(), e.user(), e.data());
        }
        table.print(System.out);
        return null;
    }
}
