package io.kovan.kernel.impl.console;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.kovan.kernel.api.security.Caller;
import io.kovan.kernel.impl.module.ModuleInfo;
import io.kovan.kernel.impl.module.ModuleRegistry;

/** {@code kovan:modules}: the installed Kovan modules and where their schemas stand. */
@Service
@Command(scope = "kovan", name = "modules", description = "Lists installed Kovan modules: version, state, REST base path, schema version")
public class ModulesCommand implements Action {

    @Reference
    Caller caller;

    @Reference
    ModuleRegistry registry;

    @Override
    public Object execute() {
        caller.require("core.modules.read");
        ShellTable table = new ShellTable();
        table.column("Module");
        table.column("Version");
        table.column("State");
        table.column("REST");
        table.column("Schema");
        table.column("Schema status");
        table.column("Bundle");
        for (ModuleInfo m : registry.modules()) {
            table.addRow().addContent(m.name(), m.version(), m.state(), m.restBase(), m.schemaVersion(), m.schemaStatus(), m.bundle());
        }
        table.print(System.out);
        return null;
    }
}
