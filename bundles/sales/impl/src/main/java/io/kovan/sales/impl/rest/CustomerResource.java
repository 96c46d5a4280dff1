package io.kovan.sales.impl.rest;

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
import io.kovan.sales.api.CustomerSettingsDTO;
import io.kovan.sales.api.CustomerSettingsService;

/** {@code /api/sales/customers/{partyId}}: a party's price group and salesperson. */
@Component(service = CustomerResource.class)
@JaxrsResource
@JaxrsApplicationSelect(SalesApplication.SELECT)
@Path("customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerResource {

    private final CustomerSettingsService customers;

    @Activate
    public CustomerResource(@Reference CustomerSettingsService customers) {
        this.customers = customers;
    }

    @GET
    @Path("{partyId}")
    public CustomerSettingsDTO get(@PathParam("partyId") String partyId) {
        return customers.get(Params.id("Party", partyId));
    }

    @PUT
    @Path("{partyId}")
    public CustomerSettingsDTO save(@PathParam("partyId") String partyId, CustomerSettingsDTO settings) {
        return customers.save(Params.id("Party", partyId), Params.body(settings));
    }
}
