package io.kovan.kernel.impl.console;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.kovan.kernel.api.security.Caller;
import io.kovan.kernel.impl.security.RoleRegistry;

/** {@code kovan:role-list}. */
@Service
@Command(scope = "kovan", name = "role-list", description = "Lists roles and the permissions they grant")
public class RoleListCommand implements Action {

    @Reference
    Caller caller;

    @Reference
    RoleRegistry roles;

    @Override
    public Object execute() {
        caller.require("core.roles.admin");
        ShellTable table = new ShellTable();
        table.column("Role");
        table.column("Permissions");
        roles.roles().forEach((role, patterns) -> table.addRow().addContent(role, String.join(", ", patterns)));
        table.print(System.out);
        return null;
    }
}
