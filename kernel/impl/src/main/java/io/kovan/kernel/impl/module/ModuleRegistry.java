package io.kovan.kernel.impl.module;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.ui.LoggerUIService;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Finds Kovan modules (bundles with a {@code Kovan-Module} header) and applies each one's
 * Liquibase changelog ({@code Kovan-Changelog}) while the bundle is STARTING: the listener is
 * synchronous, so the schema is current before the module's components activate.
 */
@Component(service = {ModuleRegistry.class, SchemaReady.class}, immediate = true)
public class ModuleRegistry implements SynchronousBundleListener, SchemaReady {

    public static final String MODULE_HEADER = "Kovan-Module";
    /** The permissions a module declares: {@code <module>.<resource>.<read|write|approve|admin>}, comma-separated. */
    public static final String PERMISSIONS_HEADER = "Kovan-Permissions";
    public static final String CHANGELOG_HEADER = "Kovan-Changelog";

    /**
     * The column type changelogs use for a boolean, {@code ${kovan.boolean}}: SMALLINT on Derby,
     * where EclipseLink writes boolean literals as 1 and 0 and Derby refuses to compare a BOOLEAN
     * column with them; BOOLEAN elsewhere.
     */
    public static final String BOOLEAN_TYPE = "kovan.boolean";
    private static final Logger LOG = LoggerFactory.getLogger(ModuleRegistry.class);

    static {
        // Liquibase must never try to reach the network (analytics, hub) nor print banners.
        System.setProperty("liquibase.analytics.enabled", System.getProperty("liquibase.analytics.enabled", "false"));
        System.setProperty("liquibase.hub.mode", System.getProperty("liquibase.hub.mode", "off"));
        System.setProperty("liquibase.showBanner", System.getProperty("liquibase.showBanner", "false"));
        System.setProperty("liquibase.command.showSummaryOutput", System.getProperty("liquibase.command.showSummaryOutput", "LOG"));
    }

    private final BundleContext context;
    private final DataSource dataSource;
    private final Map<String, String> schemaFailures = new ConcurrentHashMap<>();

    @Activate
    public ModuleRegistry(BundleContext context, @Reference(target = "(osgi.jndi.service.name=kovan)") DataSource dataSource) {
        this.context = context;
        this.dataSource = dataSource;
        context.addBundleListener(this);
        for (Bundle bundle : context.getBundles()) {
            if ((bundle.getState() & (Bundle.STARTING | Bundle.ACTIVE)) != 0) {
                migrate(bundle);
            }
        }
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(this);
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        if (event.getType() == BundleEvent.STARTING) {
            migrate(event.getBundle());
        }
    }

    /** Every installed Kovan module, kernel first, then by name. */
    public List<ModuleInfo> modules() {
        Map<String, String> versions = schemaVersions();
        List<ModuleInfo> modules = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            String name = moduleName(bundle);
            if (name == null) {
                continue;
            }
            String failure = schemaFailures.get(name);
            String status = failure != null ? "FAILED: " + failure : versions.containsKey(name) ? "CURRENT" : "PENDING";
            modules.add(new ModuleInfo(name, bundle.getSymbolicName(), bundle.getVersion().toString(), stateName(bundle.getState()),
                "/api/" + name, versions.getOrDefault(name, "-"), status));
        }
        modules.sort(Comparator.comparing((ModuleInfo m) -> !m.name().equals("core")).thenComparing(ModuleInfo::name));
        return modules;
    }

    private void migrate(Bundle bundle) {
        String name = moduleName(bundle);
        String changelog = bundle.getHeaders().get(CHANGELOG_HEADER);
        if (name == null || changelog == null) {
            return;
        }
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null) {
            return;
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Liquibase finds its own extensions through the context class loader.
        thread.setContextClassLoader(Liquibase.class.getClassLoader());
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            if (database instanceof DerbyDatabase derby) {
                // Liquibase would otherwise shut the whole embedded database down when it closes.
                derby.setShutdownEmbeddedDerby(false);
            }
            try (Liquibase liquibase = new Liquibase(changelog, new ClassLoaderResourceAccessor(wiring.getClassLoader()), database)) {
                liquibase.setChangeLogParameter(BOOLEAN_TYPE, database instanceof DerbyDatabase ? "SMALLINT" : "BOOLEAN");
                // Progress goes to the log, not to the administrator's console.
                Scope.child(Scope.Attr.ui.name(), new LoggerUIService(), () -> liquibase.update(new Contexts(), new LabelExpression()));
            }
            schemaFailures.remove(name);
            LOG.info("Schema of module {} is current ({} ms)", name, (System.nanoTime() - start) / 1_000_000);
        } catch (Exception e) {
            schemaFailures.put(name, String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getName()));
            LOG.error("Schema migration of module {} from {} failed", name, changelog, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The last changeset applied per module: Liquibase records the changelog's logicalFilePath, which is the module name. */
    private Map<String, String> schemaVersions() {
        Map<String, String> versions = new ConcurrentHashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT FILENAME, ID FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                versions.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            LOG.debug("No schema history yet", e);
        }
        return versions;
    }

    /** A permission and the module that declares it. */
    public record Permission(String permission, String module) {
    }

    /**
     * The permissions the running modules declare, sorted. An entry that is not
     * {@code <module>.<resource>.<action>} of the declaring module is left out, with a warning.
     */
    public List<Permission> permissions() {
        List<Permission> permissions = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            String module = moduleName(bundle);
            String declared = bundle.getHeaders().get(PERMISSIONS_HEADER);
            if (module == null || declared == null || (bundle.getState() & (Bundle.ACTIVE | Bundle.STARTING)) == 0) {
                continue;
            }
            for (String permission : declared.split(",")) {
                String p = permission.strip();
                if (p.matches(java.util.regex.Pattern.quote(module) + "\\.[a-z][a-z0-9-]*\\.(read|write|approve|admin)")) {
                    permissions.add(new Permission(p, module));
                } else if (!p.isEmpty()) {
                    LOG.warn("Module {} declares the malformed permission '{}' (want {}.<resource>.<read|write|approve|admin>)", module, p, module);
                }
            }
        }
        permissions.sort(Comparator.comparing(Permission::permission));
        return permissions;
    }

    private static String moduleName(Bundle bundle) {
        String name = bundle.getHeaders().get(MODULE_HEADER);
        return name == null || name.isBlank() ? null : name.strip();
    }

    private static String stateName(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "Active";
            case Bundle.STARTING -> "Starting";
            case Bundle.STOPPING -> "Stopping";
            case Bundle.RESOLVED -> "Resolved";
            case Bundle.INSTALLED -> "Installed";
            default -> "Uninstalled";
        };
    }
}
