package io.kovan.kernel.impl.rest;

import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.kovan.kernel.impl.security.RoleRegistry;

/** {@code /api/core/roles}: every role with the permission patterns it grants (administrators only). */
@Component(service = RoleResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CoreApplication.SELECT)
@Path("roles")
@Produces(MediaType.APPLICATION_JSON)
public class RoleResource {

    private final RoleRegistry roles;

    @Activate
    public RoleResource(@Reference RoleRegistry roles) {
        this.roles = roles;
    }

    @GET
    public Map<String, List<String>> roles() {
        return roles.roles();
    }
}
