package io.kovan.kernel.impl.console;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.kovan.kernel.api.security.Caller;
import io.kovan.kernel.impl.security.UserAdministration;

/** {@code kovan:user-list}. */
@Service
@Command(scope = "kovan", name = "user-list", description = "Lists users and their roles")
public class UserListCommand implements Action {

    @Reference
    Caller caller;

    @Reference
    UserAdministration users;

    @Override
    public Object execute() {
        caller.require("core.users.admin");
        ShellTable table = new ShellTable();
        table.column("User");
        table.column("Roles");
        users.list().forEach(u -> table.addRow().addContent(u.name(), String.join(", ", u.roles())));
        table.print(System.out);
        return null;
    }
}
