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
import io.kovan.inventory.api.MoveDTO;
import io.kovan.inventory.api.StockMoveService;

/** {@code /api/inventory/moves}. */
@Component(service = MoveResource.class)
@JaxrsResource
@JaxrsApplicationSelect(InventoryApplication.SELECT)
@Path("moves")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MoveResource {

    private final StockMoveService moves;

    @Activate
    public MoveResource(@Reference StockMoveService moves) {
        this.moves = moves;
    }

    /** The ledger, oldest first: filters product, warehouse, location, type, sourceType, source, from, to. */
    @GET
    public Page<MoveDTO> list(@Context UriInfo uri) {
        return moves.list(Params.page(uri, "product", "warehouse", "location", "type", "sourceType", "source", "from", "to"));
    }
}
