package io.kovan.kernel.impl.console;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.product.ProductDTO;
import io.kovan.kernel.api.product.ProductService;
import io.kovan.kernel.api.security.Caller;

/** {@code core:product-list}. */
@Service
@Command(scope = "core", name = "product-list", description = "Lists products, filtered and paged like GET /api/core/products")
public class ProductListCommand extends PagedListCommand {

    @Reference
    Caller caller;

    @Reference
    ProductService products;

    @Option(name = "--type", description = "STOCKED, SERVICE or CONSUMABLE")
    String type;

    @Option(name = "--category", description = "Category")
    String category;

    @Override
    public Object execute() {
        caller.require("core.products.read");
        Page<ProductDTO> page = products.list(pageRequest("type", type, "category", category));
        ShellTable table = new ShellTable();
        table.column("Code");
        table.column("Name");
        table.column("Type");
        table.column("Unit");
        table.column("Price").alignRight();
        table.column("Currency");
        table.column("VAT %").alignRight();
        table.column("Active");
        for (ProductDTO p : page.items()) {
            table.addRow().addContent(p.code(), p.name(), p.type(), p.unit(), orDash(p.salesPrice()), p.currency(), p.vatRate(),
                p.active() ? "yes" : "no");
        }
        table.print(System.out);
        System.out.println(page.items().size() + " of " + page.total() + " products");
        return null;
    }
}
