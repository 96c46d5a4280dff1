package io.kovan.kernel.impl.security;

import java.security.AccessController;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.UserPrincipal;

/**
 * Who is acting on this thread: the REST caller (set by the authentication filter for each
 * request), else the console user (Karaf runs commands as the session's subject), else "system".
 */
public final class CurrentUser {

    private static final ThreadLocal<String> REST_USER = new ThreadLocal<>();

    private CurrentUser() {
    }

    static void set(String user) {
        REST_USER.set(user);
    }

    @SuppressWarnings("removal")
    public static String name() {
        String rest = REST_USER.get();
        if (rest != null) {
            return rest;
        }
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject != null) {
            for (UserPrincipal user : subject.getPrincipals(UserPrincipal.class)) {
                return user.getName();
            }
        }
        return "system";
    }
}
