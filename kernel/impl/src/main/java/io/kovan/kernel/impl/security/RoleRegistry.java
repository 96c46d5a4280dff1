package io.kovan.kernel.impl.security;

import java.util.Collection;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * The roles and their permissions, from {@code etc/io.kovan.core.roles.cfg}
 * ({@code role.<name> = <pattern>, …}); changes apply at once.
 */
@Component(service = RoleRegistry.class, configurationPid = "io.kovan.core.roles")
public class RoleRegistry {

    private volatile RolePermissions permissions;

    @Activate
    public RoleRegistry(Map<String, Object> configuration) {
        modified(configuration);
    }

    @Modified
    void modified(Map<String, Object> configuration) {
        permissions = new RolePermissions(configuration);
    }

    public boolean permits(Collection<String> roles, String permission) {
        return permissions.permits(roles, permission);
    }

    public boolean knows(String role) {
        return permissions.roles().containsKey(role);
    }

    public java.util.Set<String> names() {
        return new java.util.TreeSet<>(permissions.roles().keySet());
    }

    /** Every role with the permission patterns it grants. */
    public Map<String, java.util.List<String>> roles() {
        return new java.util.TreeMap<>(permissions.roles());
    }
}
