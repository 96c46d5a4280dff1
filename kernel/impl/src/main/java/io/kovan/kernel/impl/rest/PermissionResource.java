package io.kovan.kernel.impl.rest;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.kovan.kernel.impl.module.ModuleRegistry;
import io.kovan.kernel.impl.security.RoleRegistry;

/** {@code /api/core/permissions}: what the installed modules declare, and which roles grant each. */
@Component(service = PermissionResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CoreApplication.SELECT)
@Path("permissions")
@Produces(MediaType.APPLICATION_JSON)
public class PermissionResource {

    /** A declared permission, its module, and the roles that grant it. */
    public record PermissionDTO(String permission, String module, List<String> roles) {
    }

    private final ModuleRegistry modules;
    private final RoleRegistry roles;

    @Activate
    public PermissionResource(@Reference ModuleRegistry modules, @Reference RoleRegistry roles) {
        this.modules = modules;
        this.roles = roles;
    }

    @GET
    public List<PermissionDTO> permissions() {
        return modules.permissions().stream().map(p -> new PermissionDTO(p.permission(), p.module(),
            roles.names().stream().filter(role -> roles.permits(List.of(role), p.permission())).toList())).toList();
    }
}
