package io.kovan.inventory.impl.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.rest.Params;
import io.kovan.inventory.api.StockLevelDTO;
import io.kovan.inventory.api.StockService;

/** {@code /api/inventory/stock}. */
@Component(service = StockResource.class)
@JaxrsResource
@JaxrsApplicationSelect(InventoryApplication.SELECT)
@Path("stock")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StockResource {

    private final StockService stock;

    @Activate
    public StockResource(@Reference StockService stock) {
        this.stock = stock;
    }

    /** Stock per warehouse (default), location or lot: filters product, warehouse, location, lot, by, nonZero. */
    @GET
    public Page<StockLevelDTO> list(@Context UriInfo uri) {
        return stock.levels(Params.page(uri, "product", "warehouse", "location", "lot", "by", "nonZero"));
    }

    /** Every balance recomputed from the ledger: {@code differences} is empty in a sound database. */
    @GET
    @Path("verify")
    public java.util.Map<String, Object> verify() {
        java.util.List<String> differences = stock.verify();
        return java.util.Map.of("sound", differences.isEmpty(), "differences", differences);
    }
}
