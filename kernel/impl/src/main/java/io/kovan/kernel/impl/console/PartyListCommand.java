package io.kovan.kernel.impl.console;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.party.PartyDTO;
import io.kovan.kernel.api.party.PartyService;
import io.kovan.kernel.api.security.Caller;

/** {@code core:party-list}. */
@Service
@Command(scope = "core", name = "party-list", description = "Lists parties, filtered and paged like GET /api/core/parties")
public class PartyListCommand extends PagedListCommand {

    @Reference
    Caller caller;

    @Reference
    PartyService parties;

    @Option(name = "--role", description = "CUSTOMER, SUPPLIER, PROSPECT, EMPLOYEE or PARTNER")
    String role;

    @Option(name = "--kind", description = "ORGANIZATION or PERSON")
    String kind;

    @Override
    public Object execute() {
        caller.require("core.parties.read");
        Page<PartyDTO> page = parties.list(pageRequest("role", role, "kind", kind));
        ShellTable table = new ShellTable();
        table.column("Code");
        table.column("Name");
        table.column("Kind");
        table.column("Roles");
        table.column("Tax number");
        table.column("E-mail");
        for (PartyDTO p : page.items()) {
            table.addRow().addContent(p.code(), p.name(), p.kind(), String.join(",", p.roles().stream().map(Enum::name).sorted().toList()),
                orDash(p.taxNumber()), orDash(p.email()));
        }
        table.print(System.out);
        System.out.println(page.items().size() + " of " + page.total() + " parties");
        return null;
    }
}
