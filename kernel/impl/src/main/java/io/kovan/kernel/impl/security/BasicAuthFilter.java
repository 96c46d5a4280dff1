package io.kovan.kernel.impl.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

import io.kovan.kernel.api.rest.KovanRest;
import io.kovan.kernel.impl.rest.Problems;

/**
 * HTTP Basic authentication against the Karaf JAAS realm for every Kovan application. A
 * successful login is remembered for a minute (keyed by a hash, never the password) so that
 * a busy client does not pay a realm login per call.
 */
@Component(service = ContainerRequestFilter.class, scope = ServiceScope.PROTOTYPE)
@JaxrsExtension
@JaxrsApplicationSelect(KovanRest.ALL_APPLICATIONS)
public class BasicAuthFilter implements ContainerRequestFilter {

    static final String REALM = "karaf";
    private static final long CACHE_NANOS = 60_000_000_000L;

    private record Login(String user, Set<String> roles, long expires) {
    }

    private final Map<String, Login> recent = new ConcurrentHashMap<>();

    @Override
    public void filter(ContainerRequestContext request) {
        Login login = authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (login == null) {
            request.abortWith(javax.ws.rs.core.Response.fromResponse(
                    Problems.of(401, "Unauthorized", "Credentials are required (HTTP Basic, Kovan user)", null))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"kovan\", charset=\"UTF-8\"").build());
            return;
        }
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return () -> login.user();
            }

            @Override
            public boolean isUserInRole(String role) {
                return login.roles().contains(role);
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return BASIC_AUTH;
            }
        });
    }

    private Login authenticate(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String user = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        String key = hash(decoded);
        Login cached = recent.get(key);
        long now = System.nanoTime();
        if (cached != null && now - cached.expires() < 0) {
            return cached;
        }
        Login login = realmLogin(user, password, now + CACHE_NANOS);
        if (login == null) {
            recent.remove(key);
        } else {
            if (recent.size() > 10_000) {
                recent.clear();
            }
            recent.put(key, login);
        }
        return login;
    }

    private static Login realmLogin(String user, String password, long expires) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(BasicAuthFilter.class.getClassLoader());
        try {
            Subject subject = new Subject();
            LoginContext context = new LoginContext(REALM, subject, callbacks -> {
                for (var callback : callbacks) {
                    if (callback instanceof NameCallback name) {
                        name.setName(user);
                    } else if (callback instanceof PasswordCallback pass) {
                        pass.setPassword(password.toCharArray());
                    } else {
                        throw new UnsupportedCallbackException(callback);
                    }
                }
            });
            context.login();
            Set<String> roles = subject.getPrincipals(RolePrincipal.class).stream().map(RolePrincipal::getName).collect(Collectors.toSet());
            return new Login(user, Set.copyOf(roles), expires);
        } catch (LoginException e) {
            return null;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static String hash(String credentials) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(credentials.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
