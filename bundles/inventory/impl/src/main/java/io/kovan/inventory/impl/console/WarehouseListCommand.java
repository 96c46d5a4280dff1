package io.kovan.inventory.impl.console;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.kovan.inventory.api.WarehouseDTO;
import io.kovan.inventory.api.WarehouseService;
import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;
import io.kovan.kernel.api.security.Caller;

/** {@code stock:warehouse-list}. */
@Service
@Command(scope = "stock", name = "warehouse-list", description = "Lists warehouses")
public class WarehouseListCommand implements Action {

    @Reference
    Caller caller;

    @Reference
    WarehouseService warehouses;

    @Override
    public Object execute() {
        caller.require("inventory.warehouses.read");
        Page<WarehouseDTO> page = warehouses.list(PageRequest.of(0, PageRequest.MAX_LIMIT));
        ShellTable table = StockCommand.table(">Id", "Code", "Name", "Active");
        for (WarehouseDTO w : page.items()) {
            table.addRow().addContent(w.id(), w.code(), w.name(), w.active());
        }
        table.print(System.out);
        return null;
    }
}
