package io.kovan.finance.impl.rest;

import java.util.List;

import javax.ws.rs.Consumes;
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

import io.kovan.finance.api.AccountDTO;
import io.kovan.finance.api.AccountService;
import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.rest.Params;

/** {@code /api/finance/accounts}: the chart of accounts. */
@Component(service = AccountResource.class)
@JaxrsResource
@JaxrsApplicationSelect(FinanceApplication.SELECT)
@Path("accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {

    private final AccountService accounts;

    @Activate
    public AccountResource(@Reference AccountService accounts) {
        this.accounts = accounts;
    }

    @GET
    public Page<AccountDTO> list(@Context UriInfo uri) {
        return accounts.list(Params.page(uri, "type", "parent", "postable", "active"));
    }

    /** The whole chart, parents before children. */
    @GET
    @Path("tree")
    public List<AccountDTO> tree() {
        return accounts.tree();
    }

    @POST
    public Response create(AccountDTO account) {
        return Response.status(Response.Status.CREATED).entity(accounts.create(Params.body(account))).build();
    }

    @GET
    @Path("{id}")
    public AccountDTO get(@PathParam("id") String id) {
        return accounts.get(Params.id("Account", id));
    }

    /** By code: {@code 120}, {@code 102.01}. */
    @GET
    @Path("by-code/{code}")
    public AccountDTO byCode(@PathParam("code") String code) {
        return accounts.byCode(code);
    }

    @PUT
    @Path("{id}")
    public AccountDTO update(@PathParam("id") String id, AccountDTO account) {
        return accounts.update(Params.id("Account", id), Params.body(account));
    }
}
