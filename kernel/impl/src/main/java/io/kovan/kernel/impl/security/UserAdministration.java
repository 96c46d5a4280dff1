package io.kovan.kernel.impl.security;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.apache.karaf.jaas.modules.BackingEngineService;
import org.apache.karaf.jaas.modules.properties.PropertiesLoginModule;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.kernel.api.Transactions;
import io.kovan.kernel.api.audit.AuditService;
import io.kovan.kernel.api.event.EventPublisher;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.kovan.kernel.api.ConflictException;
import io.kovan.kernel.api.NotFoundException;
import io.kovan.kernel.api.Violations;

/**
 * Users of the Karaf realm {@code karaf}: in its users file (replaced whole, see {@link UsersFile})
 * when the realm is Karaf's properties realm, else through the realm's backing engine. Roles must be
 * ones the role registry knows.
 */
@Component(service = UserAdministration.class)
public class UserAdministration {

    /** A user with the roles it holds, directly or through its groups. */
    public record UserDTO(String name, Set<String> roles) {
    }

    private static final String REALM = "karaf";

    private final List<JaasRealm> realms = new CopyOnWriteArrayList<>();
    private final List<BackingEngineFactory> factories = new CopyOnWriteArrayList<>();
    private final RoleRegistry roles;
    private final AuditService audit;
    private final EventPublisher events;
    private final Transactions transactions;
    private final AtomicLong generation = new AtomicLong();

    @Activate
    public UserAdministration(@Reference RoleRegistry roles, @Reference AuditService audit, @Reference EventPublisher events,
        @Reference Transactions transactions) {
        this.roles = roles;
        this.audit = audit;
        this.events = events;
        this.transactions = transactions;
    }

    /** Audits a change of the realm and publishes it as {@code core.user.<action>}, in one transaction. */
    private void recorded(String name, String action, UserDTO before, UserDTO after) {
        transactions.required(() -> {
            audit.record("core.user", name, action, AuditService.diff(before, after));
            UserDTO now = after != null ? after : before;
            events.publish("core.user." + action, java.util.Map.of("name", name, "roles", now.roles().stream().sorted().toList()));
        });
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRealm(JaasRealm realm) {
        realms.add(realm);
    }

    void removeRealm(JaasRealm realm) {
        realms.remove(realm);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addFactory(BackingEngineFactory factory) {
        factories.add(factory);
    }

    void removeFactory(BackingEngineFactory factory) {
        factories.remove(factory);
    }

    /** Changes whenever a user or a role assignment changes: logins cached before are stale. */
    public long generation() {
        return generation.get();
    }

    public List<UserDTO> list() {
        Realm realm = realm();
        List<UserDTO> users = new ArrayList<>();
        if (realm.usersFile() != null) {
            UsersFile.read(realm.usersFile()).forEach((name, roles) -> users.add(new UserDTO(name, roles)));
        } else {
            BackingEngine engine = realm.engine();
            for (UserPrincipal user : engine.listUsers()) {
                users.add(new UserDTO(user.getName(), rolesOf(engine, user)));
            }
        }
        users.sort(Comparator.comparing(UserDTO::name));
        return users;
    }

    public UserDTO add(String name, String password, List<String> userRoles) {
        Violations v = new Violations();
        v.requireText("name", name, 64);
        v.check(name == null || name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}"), "name", "must be letters, digits, . _ - (up to 64)");
        v.check(password != null && password.length() >= 12 && password.length() <= 200, "password", "must be 12 to 200 characters");
        v.check(password == null || !password.contains(","), "password", "must not contain a comma");
        v.check(userRoles != null && !userRoles.isEmpty(), "roles", "at least one role is required");
        if (userRoles != null) {
            for (String role : userRoles) {
                v.check(role != null && roles.knows(role), "roles", "unknown role " + role + "; known: " + roles.names());
            }
        }
        v.throwIfAny();
        Realm realm = realm();
        if (realm.usersFile() != null) {
            // The form the distribution configures (etc/org.apache.karaf.jaas.cfg), as at first start: the realm entry's options
            // need not carry the encryption settings, and a clear password here set Karaf's auto-encryption rewriting the file in place.
            String hash = AdminAccount.realmHash(password);
            UsersFile.update(realm.usersFile(), users -> {
                if (users.containsKey(name)) {
                    throw new ConflictException("User " + name + " already exists");
                }
                users.put(name, hash + "," + String.join(",", userRoles));
            });
        } else {
            BackingEngine engine = realm.engine();
            if (engine.lookupUser(name) != null) {
                throw new ConflictException("User " + name + " already exists");
            }
            engine.addUser(name, password);
            userRoles.forEach(role -> engine.addRole(name, role));
        }
        generation.incrementAndGet();
        UserDTO added = get(name);
        recorded(name, "created", null, added);
        return added;
    }

    public UserDTO grant(String name, String role) {
        new Violations().check(role != null && roles.knows(role), "role", "unknown role " + role + "; known: " + roles.names()).throwIfAny();
        Realm realm = realm();
        UserDTO user = get(name);
        if (!user.roles().contains(role)) {
            if (realm.usersFile() != null) {
                UsersFile.update(realm.usersFile(), users -> {
                    String entry = users.get(name);
                    if (entry == null) {
                        throw new NotFoundException("User", name);
                    }
                    users.put(name, entry + "," + role);
                });
            } else {
                realm.engine().addRole(name, role);
            }
            generation.incrementAndGet();
            recorded(name, "updated", user, get(name));
        }
        return get(name);
    }

    public void delete(String name) {
        UserDTO user = get(name);
        Realm realm = realm();
        if (realm.usersFile() != null) {
            UsersFile.update(realm.usersFile(), users -> {
                if (users.remove(name) == null) {
                    throw new NotFoundException("User", name);
                }
            });
        } else {
            realm.engine().deleteUser(name);
        }
        generation.incrementAndGet();
        recorded(name, "deleted", user, null);
    }

    public UserDTO get(String name) {
        Realm realm = realm();
        if (realm.usersFile() != null) {
            Set<String> held = name == null ? null : UsersFile.read(realm.usersFile()).get(name);
            if (held == null) {
                throw new NotFoundException("User", name);
            }
            return new UserDTO(name, held);
        }
        BackingEngine engine = realm.engine();
        UserPrincipal user = name == null ? null : engine.lookupUser(name);
        if (user == null) {
            throw new NotFoundException("User", name);
        }
        return new UserDTO(user.getName(), rolesOf(engine, user));
    }

    private static Set<String> rolesOf(BackingEngine engine, UserPrincipal user) {
        Set<String> names = new TreeSet<>();
        engine.listRoles(user).forEach(r -> names.add(r.getName()));
        for (GroupPrincipal group : engine.listGroups(user)) {
            for (RolePrincipal role : engine.listRoles(group)) {
                names.add(role.getName());
            }
        }
        return names;
    }

    /**
     * The realm's login module that users are managed through, with its options: Karaf's
     * properties login module, whose users file {@link UsersFile} reads and replaces whole, else
     * the first other module with a backing engine (LDAP, JDBC…), changed through the engine. The
     * users file is found from the realm's options alone, so that reading and writing it does not
     * depend on which engine factories happen to be registered.
     */
    private record Realm(java.util.Map<String, ?> options, BackingEngine engine, java.nio.file.Path usersFile) {
    }

    /**
     * The users file of a realm entry backed by Karaf's properties login module, else null. Karaf
     * registers every module of a realm behind its {@link ProxyLoginModule}, naming the real one
     * in an option; the entry's own module name is the proxy's.
     */
    static java.nio.file.Path usersFile(javax.security.auth.login.AppConfigurationEntry entry) {
        Object module = ProxyLoginModule.class.getName().equals(entry.getLoginModuleName())
            ? entry.getOptions().get(ProxyLoginModule.PROPERTY_MODULE) : entry.getLoginModuleName();
        Object users = entry.getOptions().get("users");
        return PropertiesLoginModule.class.getName().equals(module) && users != null ? java.nio.file.Path.of(users.toString()) : null;
    }

    private Realm realm() {
        JaasRealm realm = realms.stream().filter(r -> REALM.equals(r.getName())).max(Comparator.comparingInt(JaasRealm::getRank))
            .orElseThrow(() -> new IllegalStateException("the JAAS realm karaf is not available"));
        for (var entry : realm.getEntries()) {
            java.nio.file.Path users = usersFile(entry);
            if (users != null) {
                return new Realm(entry.getOptions(), null, users);
            }
        }
        BackingEngineService service = new BackingEngineService();
        service.setEngineFactories(new ArrayList<>(factories));
        for (var entry : realm.getEntries()) {
            BackingEngine engine = service.get(entry);
            if (engine != null) {
                return new Realm(entry.getOptions(), engine, null);
            }
        }
        throw new IllegalStateException("the realm karaf has no manageable login module");
    }
}
