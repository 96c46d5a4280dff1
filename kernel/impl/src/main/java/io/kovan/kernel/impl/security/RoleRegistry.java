package io.kovan.kernel.impl.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The roles and their permissions: the built-in ones, those a module ships (a properties file
 * named by its {@code Kovan-Roles} header, {@code role.<name> = <pattern>, …}, present while the
 * module runs; a role several modules ship grants what each gives), and
 * {@code etc/io.kovan.core.roles.cfg}, which wins over the modules' definitions of the same role.
 * Changes apply at once.
 */
@Component(service = RoleRegistry.class, configurationPid = "io.kovan.core.roles")
public class RoleRegistry {

    public static final String ROLES_HEADER = "Kovan-Roles";
    private static final Logger LOG = LoggerFactory.getLogger(RoleRegistry.class);

    private final Map<Long, Map<String, Object>> moduleRoles = new ConcurrentHashMap<>();
    private final BundleTracker<Bundle> modules;
    private volatile Map<String, Object> configuration = Map.of();
    private volatile RolePermissions permissions = new RolePermissions(Map.of());

    @Activate
    public RoleRegistry(BundleContext context, Map<String, Object> configuration) {
        this.configuration = Map.copyOf(configuration);
        // Kept through STOPPING: the module's REST resources answer until its components are gone.
        modules = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING, null) {
            @Override
            public Bundle addingBundle(Bundle bundle, BundleEvent event) {
                String file = bundle.getHeaders().get(ROLES_HEADER);
                if (file == null) {
                    return null;
                }
                moduleRoles.put(bundle.getBundleId(), read(bundle, file.strip()));
                rebuild();
                return bundle;
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, Bundle object) {
                moduleRoles.remove(bundle.getBundleId());
                rebuild();
            }
        };
        rebuild();
        modules.open();
    }

    @Modified
    void modified(Map<String, Object> configuration) {
        this.configuration = Map.copyOf(configuration);
        rebuild();
    }

    @Deactivate
    void deactivate() {
        modules.close();
    }

    private synchronized void rebuild() {
        // A role two modules ship (sales-manager: the CRM's pipeline and sales' orders) grants what both give.
        Map<String, Object> merged = new HashMap<>();
        moduleRoles.values().forEach(roles -> roles.forEach((role, patterns) -> merged.merge(role, patterns, (a, b) -> a + ", " + b)));
        merged.putAll(configuration);
        permissions = new RolePermissions(merged);
    }

    private static Map<String, Object> read(Bundle bundle, String file) {
        URL url = bundle.getEntry(file);
        Map<String, Object> roles = new HashMap<>();
        if (url == null) {
            LOG.warn("Bundle {} names {} in {} but has no such file", bundle.getSymbolicName(), file, ROLES_HEADER);
            return roles;
        }
        Properties properties = new Properties();
        try (InputStream in = url.openStream()) {
            properties.load(in);
        } catch (IOException e) {
            LOG.warn("Cannot read the roles of bundle {}: {}", bundle.getSymbolicName(), e.toString());
            return roles;
        }
        properties.stringPropertyNames().stream().filter(k -> k.startsWith("role.")).forEach(k -> roles.put(k, properties.getProperty(k)));
        return roles;
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
