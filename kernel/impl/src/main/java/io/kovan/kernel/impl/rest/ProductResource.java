package io.kovan.kernel.impl.rest;

import io.kovan.kernel.api.rest.Params;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.product.ProductDTO;
import io.kovan.kernel.api.product.ProductService;

/** {@code /api/core/products}: customers, suppliers and other products. */
@Component(service = ProductResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CoreApplication.SELECT)
@Path("products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProductResource {

    private final ProductService products;

    @Activate
    public ProductResource(@Reference ProductService products) {
        this.products = products;
    }

    /** Filters: {@code type}, {@code category}, {@code active}, {@code barcode}; {@code q} searches code, name, barcode. */
    @GET
    public Page<ProductDTO> list(@Context UriInfo uri) {
        return products.list(Params.page(uri, "type", "category", "active", "barcode"));
    }

    @POST
    public Response create(ProductDTO product, @Context UriInfo uri) {
        ProductDTO created = products.create(Params.body(product));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build()).entity(created).build();
    }

    /** By code or id. */
    @GET
    @Path("{id}")
    public ProductDTO get(@PathParam("id") String idOrCode) {
        return products.find(idOrCode);
    }

    @PUT
    @Path("{id}")
    public ProductDTO update(@PathParam("id") String id, ProductDTO product) {
        return products.update(Params.id("Product", id), Params.body(product));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        products.delete(Params.id("Product", id));
        return Response.noContent().build();
    }
}
