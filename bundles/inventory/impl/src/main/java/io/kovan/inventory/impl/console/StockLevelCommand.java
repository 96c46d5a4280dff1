package io.kovan.inventory.impl.console;

import java.util.HashMap;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.kovan.inventory.api.StockLevelDTO;
import io.kovan.inventory.api.StockService;
import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;
import io.kovan.kernel.api.product.ProductService;
import io.kovan.kernel.api.security.Caller;

/** {@code stock:level}. */
@Service
@Command(scope = "stock", name = "level", description = "Shows stock on hand, reserved and available, like GET /api/inventory/stock")
public class StockLevelCommand implements Action {

    @Reference
    Caller caller;

    @Reference
    StockService stock;

    @Reference
    ProductService products;

    @Option(name = "--product", description = "Product code or id")
    String product;

    @Option(name = "--warehouse", description = "Warehouse id")
    Long warehouse;

    @Option(name = "--by", description = "warehouse (default), location or lot")
    String by;

    @Option(name = "--limit", description = "At most this many rows (default 50)")
    int limit = PageRequest.DEFAULT_LIMIT;

    @Override
    public Object execute() {
        caller.require("inventory.stock.read");
        Map<String, String> filters = new HashMap<>();
        if (product != null) {
            filters.put("product", String.valueOf(products.find(product).id()));
        }
        if (warehouse != null) {
            filters.put("warehouse", String.valueOf(warehouse));
        }
        if (by != null) {
            filters.put("by", by);
        }
        Page<StockLevelDTO> page = stock.levels(new PageRequest(0, limit, null, null, filters));
        ShellTable table = StockCommand.table("Product", "Warehouse", "Location", "Lot", ">On hand", ">Reserved", ">Available", ">Unit cost", ">Value");
        for (StockLevelDTO s : page.items()) {
            table.addRow().addContent(s.productCode(), s.warehouseCode(), StockCommand.dash(s.locationPath()), StockCommand.dash(s.lotNumber()),
                StockCommand.dash(s.onHand()), StockCommand.dash(s.reserved()), StockCommand.dash(s.available()), StockCommand.dash(s.unitCost()),
                StockCommand.dash(s.value()));
        }
        table.print(System.out);
        System.out.println(page.items().size() + " of " + page.total() + " rows");
        return null;
    }
}
