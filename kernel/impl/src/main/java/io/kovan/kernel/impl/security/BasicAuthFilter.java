package io.kovan.kernel.impl.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
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
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

import io.kovan.kernel.api.ValidationException;
import io.kovan.kernel.api.rest.KovanRest;
import io.kovan.kernel.impl.idempotency.IdempotencyResponseFilter;
import io.kovan.kernel.impl.idempotency.IdempotencyStore;
import io.kovan.kernel.impl.rest.Problems;

/**
 * HTTP Basic authentication against the Karaf JAAS realm for every Kovan application, then the
 * permission check ({@code <module>.<resource>.<read|write>} against the user's roles) and the
 * claim of an {@code Idempotency-Key} (which belongs to the authenticated user). A
 * successful login is remembered for a minute (keyed by a hash, never the password), or until
 * users or roles change through Kovan, so that a busy client does not pay a realm login per call.
 * Pre-matching, so that a caller without credentials or permission learns nothing about the
 * resource (a 415 or 405 of its matching) before the 401 or 403.
 */
@PreMatching
@Component(service = ContainerRequestFilter.class, scope = ServiceScope.PROTOTYPE)
@JaxrsExtension
@JaxrsApplicationSelect(KovanRest.ALL_APPLICATIONS)
public class BasicAuthFilter implements ContainerRequestFilter {

    static final String REALM = "karaf";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final long CACHE_NANOS = 60_000_000_000L;

    private record Login(String user, Set<String> roles, long expires, long generation) {
    }

    private final Map<String, Login> recent = new ConcurrentHashMap<>();
    private final IdempotencyStore idempotency;
    private final RoleRegistry roles;
    private final UserAdministration users;

    @Activate
    public BasicAuthFilter(@Reference IdempotencyStore idempotency, @Reference RoleRegistry roles, @Reference UserAdministration users) {
        this.idempotency = idempotency;
        this.roles = roles;
        this.users = users;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        Login login = authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        CurrentUser.set(null, Set.of());
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
        CurrentUser.set(login.user(), login.roles());
        String permission = RolePermissions.forRequest(module(request), request.getUriInfo().getPath(), request.getMethod());
        if (!roles.permits(login.roles(), permission)) {
            request.abortWith(Problems.of(403, "Forbidden", "User " + login.user() + " lacks the permission " + permission, null));
            return;
        }
        claimIdempotencyKey(request, login.user());
    }

    /** The module whose application answers: the last segment of its base, /api/&lt;module&gt;. */
    private static String module(ContainerRequestContext request) {
        String base = request.getUriInfo().getBaseUri().getPath().replaceAll("/+$", "");
        return base.substring(base.lastIndexOf('/') + 1);
    }

    /**
     * A POST with an {@code Idempotency-Key} runs once per user and key: a repeat of the same
     * request gets the first response again, the same key on another request a 422. Done here,
     * right after authentication, because keys belong to the user and filters have no order.
     */
    private void claimIdempotencyKey(ContainerRequestContext request, String user) throws IOException {
        String key = request.getHeaderString(IDEMPOTENCY_KEY);
        if (key == null || !"POST".equals(request.getMethod())) {
            return;
        }
        if (!key.matches("[\\x21-\\x7E]{1,255}")) {
            request.abortWith(Problems.of(400, "Invalid input", IDEMPOTENCY_KEY + " must be 1 to 255 visible ASCII characters",
                java.util.List.of(new ValidationException.Violation(IDEMPOTENCY_KEY, "must be 1 to 255 visible ASCII characters"))));
            return;
        }
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        // The query is part of the request: POST /api/sales/shipments?ship=true does more than without it.
        java.net.URI target = request.getUriInfo().getRequestUri();
        String requestHash = hash(target.getPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()) + "\n"
            + new String(body, StandardCharsets.UTF_8));
        IdempotencyStore.Claim claim = idempotency.claim(user, key, requestHash);
        if (claim instanceof IdempotencyStore.Claim.Claimed) {
            request.setProperty(IdempotencyResponseFilter.CLAIM, new String[] {user, key});
        } else if (claim instanceof IdempotencyStore.Claim.Mismatch) {
            request.abortWith(Problems.of(422, "Idempotency key reused", "This " + IDEMPOTENCY_KEY
                + " was used with a different request", java.util.List.of(new ValidationException.Violation(IDEMPOTENCY_KEY,
                "was used with a different request"))));
        } else if (claim instanceof IdempotencyStore.Claim.InProgress) {
            request.abortWith(Problems.of(409, "Conflict", "The first request with this " + IDEMPOTENCY_KEY + " is still running; retry later",
                null));
        } else if (claim instanceof IdempotencyStore.Claim.Replay replay) {
            javax.ws.rs.core.Response.ResponseBuilder again = javax.ws.rs.core.Response.status(replay.status()).entity(replay.body())
                .header("Idempotent-Replayed", "true");
            if (replay.type() != null) {
                again.type(replay.type());
            }
            if (replay.location() != null) {
                again.header(HttpHeaders.LOCATION, replay.location());
            }
            request.abortWith(again.build());
        }
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
        long generation = users.generation();
        if (cached != null && now - cached.expires() < 0 && cached.generation() == generation) {
            return cached;
        }
        Login login = realmLogin(user, password, now + CACHE_NANOS, generation);
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

    private static Login realmLogin(String user, String password, long expires, long generation) {
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
            return new Login(user, Set.copyOf(roles), expires, generation);
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
