package io.kovan.kernel.impl.console;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.kovan.kernel.api.security.Caller;
import io.kovan.kernel.impl.module.ModuleRegistry;
import io.kovan.kernel.impl.security.RoleRegistry;

/** {@code kovan:permission-list}: the permissions the installed modules declare, and the roles that grant them. */
@Service
@Command(scope = "kovan", name = "permission-list", description = "Lists the permissions the installed modules declare, with the roles that grant each")
public class PermissionListCommand implements Action {

    @Reference
    Caller caller;

    @Reference
    ModuleRegistry modules;

    @Reference
    RoleRegistry roles;

    @Override
    public Object execute() {
        caller.require("core.permissions.read");
        ShellTable table = new ShellTable();
        table.column("Permission");
        table.column("Module");
        table.column("Granted by");
        for (ModuleRegistry.Permission p : modules.permissions()) {
            table.addRow().addContent(p.permission(), p.module(),
                String.join(", ", roles.names().stream().filter(r -> roles.permits(List.of(r), p.permission())).toList()));
        }
        table.print(System.out);
        return null;
    }
}
