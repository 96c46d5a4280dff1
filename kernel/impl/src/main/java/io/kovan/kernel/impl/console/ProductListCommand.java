package io.kovan.kernel.impl.console;

import static io.kovan.kernel.impl.console.PartyListCommand.orDash;

import java.util.HashMap;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;
import io.kovan.kernel.api.product.ProductDTO;
import io.kovan.kernel.api.product.ProductService;

/** {@code core:product-list}. */
@Service
@Command(scope = "core", name = "product-list", description = "Lists products, filtered and paged like GET /api/core/products")
public class ProductListCommand implements Action {

    @Reference
    ProductService products;

    @Option(name = "--type", description = "STOCKED, SERVICE or CONSUMABLE")
    String type;

    @Option(name = "--category", description = "Category")
    String category;

    @Option(name = "-q", aliases = "--query", description = "Text to find in code, name or barcode")
    String query;

    @Option(name = "--offset", description = "Rows to skip")
    int offset;

    @Option(name = "--limit", description = "Rows to show (1-500)")
    int limit = PageRequest.DEFAULT_LIMIT;

    @Override
    public Object execute() {
        Map<String, String> filters = new HashMap<>();
        if (type != null) {
            filters.put("type", type);
        }
        if (category != null) {
            filters.put("category", category);
        }
        Page<ProductDTO> page = products.list(new PageRequest(offset, limit, query, null, filters));
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
