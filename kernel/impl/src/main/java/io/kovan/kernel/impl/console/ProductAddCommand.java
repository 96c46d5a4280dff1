package io.kovan.kernel.impl.console;

import static io.kovan.kernel.impl.console.PagedListCommand.decimal;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.kovan.kernel.api.ValidationException;
import io.kovan.kernel.api.product.ProductDTO;
import io.kovan.kernel.api.product.ProductService;
import io.kovan.kernel.api.product.ProductType;
import io.kovan.kernel.api.security.Caller;

/** {@code core:product-add}. */
@Service
@Command(scope = "core", name = "product-add", description = "Adds a product to the catalogue")
public class ProductAddCommand implements Action {

    @Reference
    Caller caller;

    @Reference
    ProductService products;

    @Argument(index = 0, name = "code", required = true, description = "Product code")
    String code;

    @Argument(index = 1, name = "name", required = true, description = "Product name")
    String name;

    @Option(name = "--type", description = "STOCKED (default), SERVICE or CONSUMABLE")
    String type = "STOCKED";

    @Option(name = "--unit", description = "Unit of measure code (default PCS)")
    String unit = "PCS";

    @Option(name = "--price", description = "Sales price")
    String price;

    @Option(name = "--cost", description = "Standard cost")
    String cost;

    @Option(name = "--currency", description = "Currency of price and cost (default: the company's)")
    String currency;

    @Option(name = "--vat", description = "VAT rate in percent (default 20)")
    String vat;

    @Option(name = "--barcode", description = "EAN-8, UPC-A, EAN-13 or GTIN-14")
    String barcode;

    @Option(name = "--category", description = "Category")
    String category;

    @Override
    public Object execute() {
        caller.require("core.products.write");
        ProductType parsedType;
        try {
            parsedType = ProductType.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("type", "must be STOCKED, SERVICE or CONSUMABLE");
        }
        ProductDTO created = products.create(new ProductDTO(null, code, name, parsedType, unit, decimal("price", price), currency,
            decimal("cost", cost), decimal("vat", vat), barcode, category, true, null));
        System.out.println("Created product " + created.code() + " (id " + created.id() + "): " + created.name());
        return null;
    }
}
