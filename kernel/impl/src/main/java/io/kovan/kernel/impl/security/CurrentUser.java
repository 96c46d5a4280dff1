package io.kovan.kernel.impl.security;

import java.security.AccessController;
import java.util.Set;
import java.util.TreeSet;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;

import io.kovan.kernel.api.security.Caller;

/**
 * Who is acting on this thread: the REST caller (set by the authentication filter for each
 * request), else the console user (Karaf runs commands as the session's subject), else "system".
 */
public final class CurrentUser {

    private record RestCaller(String user, Set<String> roles) {
    }

    private static final ThreadLocal<RestCaller> REST_CALLER = new ThreadLocal<>();

    private CurrentUser() {
    }

    static void set(String user, Set<String> roles) {
        REST_CALLER.set(user == null ? null : new RestCaller(user, Set.copyOf(roles)));
    }

    public static String name() {
        RestCaller rest = REST_CALLER.get();
        if (rest != null) {
            return rest.user();
        }
        Subject subject = subject();
        if (subject != null) {
            for (UserPrincipal user : subject.getPrincipals(UserPrincipal.class)) {
                return user.getName();
            }
        }
        return Caller.SYSTEM;
    }

    /** The acting user's roles; work done by the system itself acts as {@code admin}. */
    public static Set<String> roles() {
        RestCaller rest = REST_CALLER.get();
        if (rest != null) {
            return rest.roles();
        }
        Subject subject = subject();
        if (subject != null && !subject.getPrincipals(UserPrincipal.class).isEmpty()) {
            Set<String> roles = new TreeSet<>();
            subject.getPrincipals(RolePrincipal.class).forEach(r -> roles.add(r.getName()));
            return roles;
        }
        return Set.of("admin");
    }

    @SuppressWarnings("removal")
    private static Subject subject() {
        return Subject.getSubject(AccessController.getContext());
    }
}
