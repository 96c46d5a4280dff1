package io.kovan.kernel.impl.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
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
import io.kovan.kernel.api.rest.Params;
import io.kovan.kernel.impl.security.UserAdministration.UserDTO;
import io.kovan.kernel.impl.security.UserAdministration;

/** {@code /api/core/users}: for administrators only (permission core.users.admin). */
@Component(service = UserResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CoreApplication.SELECT)
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    /** A new user: name, password (12 characters or more) and roles. */
    public record NewUserDTO(String name, String password, List<String> roles) {
    }

    /** A role to grant. */
    public record GrantDTO(String role) {
    }

    private final UserAdministration users;

    @Activate
    public UserResource(@Reference UserAdministration users) {
        this.users = users;
    }

    /** A page of them, in their own order; {@code q} searches. */
    @GET
    public Page<UserDTO> list(@Context UriInfo uri) {
        return Page.slice(users.list(), Params.page(uri), u -> u.name());
    }

    @POST
    public Response add(NewUserDTO user) {
        NewUserDTO body = Params.body(user);
        return Response.status(Response.Status.CREATED).entity(users.add(body.name(), body.password(), body.roles())).build();
    }

    @GET
    @Path("{name}")
    public UserDTO get(@PathParam("name") String name) {
        return users.get(name);
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name) {
        users.delete(name);
        return Response.noContent().build();
    }

    @POST
    @Path("{name}/roles")
    public UserDTO grant(@PathParam("name") String name, GrantDTO grant) {
        return users.grant(name, Params.body(grant).role());
    }
}
