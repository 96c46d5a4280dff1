package io.kovan.inventory.impl.console;

import java.math.BigDecimal;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.kovan.inventory.api.ReceiptDTO;
import io.kovan.inventory.api.ReceiptLineDTO;
import io.kovan.inventory.api.StockDocumentService;
import io.kovan.kernel.api.ValidationException;
import io.kovan.kernel.api.product.ProductService;
import io.kovan.kernel.api.security.Caller;

/** {@code stock:receive}: a one-line goods receipt, created and posted. */
@Service
@Command(scope = "stock", name = "receive", description = "Receives goods into a warehouse (a receipt, created and posted)")
public class ReceiveCommand implements Action {

    @Reference
    Caller caller;

    @Reference
    StockDocumentService documents;

    @Reference
    ProductService products;

    @Option(name = "--warehouse", description = "Warehouse id (default: the default warehouse)")
    Long warehouse;

    @Option(name = "--lot", description = "Lot number, for lot-tracked products")
    String lot;

    @Argument(index = 0, name = "product", required = true, description = "Product code or id")
    String product;

    @Argument(index = 1, name = "quantity", required = true, description = "Quantity received")
    String quantity;

    @Argument(index = 2, name = "unitCost", required = true, description = "Unit cost in the company currency")
    String unitCost;

    @Override
    public Object execute() {
        caller.require("inventory.receipts.write");
        long productId = products.find(product).id();
        ReceiptDTO draft = documents.createReceipt(new ReceiptDTO(null, null, warehouse, null, null, null, "console", null,
            List.of(new ReceiptLineDTO(null, productId, decimal("quantity", quantity), decimal("unitCost", unitCost), lot, null, null)), null));
        ReceiptDTO posted = documents.postReceipt(draft.id());
        System.out.println(posted.number() + " posted: " + quantity + " of " + product);
        return null;
    }

    private static BigDecimal decimal(String name, String raw) {
        try {
            return new BigDecimal(raw);
        } catch (NumberFormatException e) {
            throw new ValidationException(name, "must be a decimal number");
        }
    }
}
