package io.kovan.inventory.impl.console;

import java.math.BigDecimal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.kovan.inventory.api.AtpDTO;
import io.kovan.inventory.api.AtpEntryDTO;
import io.kovan.inventory.api.StockService;
import io.kovan.kernel.api.ValidationException;
import io.kovan.kernel.api.product.ProductService;
import io.kovan.kernel.api.security.Caller;

/** {@code stock:atp}. */
@Service
@Command(scope = "stock", name = "atp", description = "Available-to-promise of a quantity and the date it can be promised")
public class AtpCommand implements Action {

    @Reference
    Caller caller;

    @Reference
    StockService stock;

    @Reference
    ProductService products;

    @Option(name = "--warehouse", description = "Warehouse id (default: every warehouse)")
    Long warehouse;

    @Argument(index = 0, name = "product", required = true, description = "Product code or id")
    String product;

    @Argument(index = 1, name = "quantity", required = true, description = "Quantity wanted")
    String quantity;

    @Override
    public Object execute() {
        caller.require("inventory.atp.read");
        BigDecimal wanted;
        try {
            wanted = new BigDecimal(quantity);
        } catch (NumberFormatException e) {
            throw new ValidationException("quantity", "must be a decimal number");
        }
        AtpDTO atp = stock.atp(products.find(product).id(), warehouse, wanted, null);
        System.out.println("On hand " + StockCommand.dash(atp.onHand()) + ", reserved " + StockCommand.dash(atp.reserved()) + ", available to promise "
            + StockCommand.dash(atp.availableToPromise()) + "; " + quantity + " can be promised for " + atp.promisedDate()
            + (atp.fromLeadTime() ? " (lead time " + atp.leadTimeDays() + " days)" : ""));
        ShellTable table = StockCommand.table("Date", ">Supply", ">Demand", ">Available");
        for (AtpEntryDTO e : atp.timeline()) {
            table.addRow().addContent(e.date(), StockCommand.dash(e.supply()), StockCommand.dash(e.demand()), StockCommand.dash(e.available()));
        }
        table.print(System.out);
        return null;
    }
}
