package io.kovan.kernel.api.security;

import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The user on whose behalf the current thread works: the REST caller, else the console
 * session's user, else {@code system} (scheduled work), which holds every permission.
 * <p>
 * The kernel already checks {@code <module>.<resource>.<read|write>} for every REST call; a
 * module asks here for what the path cannot say, such as {@code sales.order.approve} or whether
 * a sales representative may see other people's records.
 *
 * @since 1.0
 */
@ProviderType
public interface Caller {

    String SYSTEM = "system";

    /** The user's name. */
    String user();

    /** The user's roles; for {@code system}, {@code admin}. */
    Set<String> roles();

    /** True if one of the user's roles grants the permission ({@code crm.records.all}). */
    boolean permits(String permission);

    /** Throws {@link ForbiddenException} (403) unless the user holds the permission. */
    default void require(String permission) {
        if (!permits(permission)) {
            throw new ForbiddenException(user(), permission);
        }
    }
}
