package io.kovan.kernel.impl.console;

import java.util.Map;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.kovan.kernel.api.audit.AuditEntryDTO;
import io.kovan.kernel.api.audit.AuditService;
import io.kovan.kernel.api.audit.ChangeDTO;
import io.kovan.kernel.api.security.Caller;

/** {@code kovan:audit-show core.party 42}: a record's audited writes, oldest first. */
@Service
@Command(scope = "kovan", name = "audit-show", description = "Shows a record's audited writes, oldest first: who, when, what changed")
public class AuditShowCommand implements Action {

    @Reference
    Caller caller;

    @Reference
    AuditService audit;

    @Argument(index = 0, name = "entity", required = true, description = "The record's kind, <module>.<entity> (core.party)")
    String entity;

    @Argument(index = 1, name = "id", required = true, description = "The record's id")
    String id;

    @Override
    public Object execute() {
        caller.require("core.audit.read");
        ShellTable table = new ShellTable();
        table.column("Seq").alignRight();
        table.column("At (UTC)");
        table.column("User");
        table.column("Action");
        table.column("Changes");
        for (AuditEntryDTO e : audit.history(entity, id)) {
            table.addRow().addContent(e.sequence(), e.at(), PagedListCommand.orDash(e.user()), e.action(), describe(e.changes()));
        }
        table.print(System.out);
        return null;
    }

    private static String describe(Map<String, ChangeDTO> changes) {
        return changes.entrySet().stream()
            .map(c -> c.getKey() + ": " + PagedListCommand.orDash(c.getValue().before()) + " -> " + PagedListCommand.orDash(c.getValue().after()))
            .collect(Collectors.joining("; "));
    }
}
