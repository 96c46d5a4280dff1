package io.kovan.inventory.impl.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.kovan.kernel.api.rest.Params;
import io.kovan.inventory.api.StockProductDTO;
import io.kovan.inventory.api.StockService;

/** {@code /api/inventory/products}. */
@Component(service = ProductResource.class)
@JaxrsResource
@JaxrsApplicationSelect(InventoryApplication.SELECT)
@Path("products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProductResource {

    private final StockService stock;

    @Activate
    public ProductResource(@Reference StockService stock) {
        this.stock = stock;
    }

    /** A product's tracking, costing and valuation. */
    @GET
    @Path("{id}")
    public StockProductDTO get(@PathParam("id") String id) {
        return stock.product(Params.id("Product", id));
    }

    /** Sets tracking and costing; 409 while the product has stock on hand. */
    @PUT
    @Path("{id}")
    public StockProductDTO update(@PathParam("id") String id, StockProductDTO settings) {
        return stock.updateProduct(Params.id("Product", id), Params.body(settings));
    }
}
