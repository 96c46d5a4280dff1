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

import io.kovan.kernel.api.rest.Params;
import io.kovan.inventory.api.AtpDTO;
import io.kovan.inventory.api.StockService;

/** {@code /api/inventory/atp}. */
@Component(service = AtpResource.class)
@JaxrsResource
@JaxrsApplicationSelect(InventoryApplication.SELECT)
@Path("atp")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AtpResource {

    private final StockService stock;

    @Activate
    public AtpResource(@Reference StockService stock) {
        this.stock = stock;
    }

    /** Available-to-promise of {@code quantity} of {@code product} (in {@code warehouse}, every one when absent) on {@code date} (today). */
    @GET
    public AtpDTO atp(@Context UriInfo uri) {
        javax.ws.rs.core.MultivaluedMap<String, String> q = Params.only(uri, "product", "quantity", "warehouse", "date");
        io.kovan.kernel.api.Violations v = new io.kovan.kernel.api.Violations();
        v.require("product", q.getFirst("product")).require("quantity", q.getFirst("quantity")).throwIfAny();
        String warehouse = q.getFirst("warehouse");
        return stock.atp(Params.longValue("product", q.getFirst("product")), warehouse == null ? null : Params.longValue("warehouse", warehouse),
            Params.decimal("quantity", q.getFirst("quantity")), Params.date("date", q.getFirst("date")));
    }
}
