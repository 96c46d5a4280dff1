package io.kovan.kernel.impl.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which permissions ({@code <module>.<resource>.<action>}, e.g. {@code core.parties.write}) each
 * role grants. Patterns match segment by segment, {@code *} standing for any one segment; a
 * lone {@code *} grants everything. Built in: {@code admin} = {@code *}, {@code viewer} =
 * {@code *.*.read}; more roles come from configuration ({@code role.<name> = pattern, pattern}).
 */
public final class RolePermissions {

    private static final java.util.Set<String> ADMINISTRATION = java.util.Set.of("users", "roles", "webhooks");

    private final Map<String, List<String>> patterns = new HashMap<>();

    public RolePermissions(Map<String, ?> configuration) {
        patterns.put("admin", List.of("*"));
        patterns.put("viewer", List.of("*.*.read"));
        configuration.forEach((key, value) -> {
            if (key.startsWith("role.") && value != null) {
                patterns.put(key.substring("role.".length()), Arrays.stream(value.toString().split(","))
                    .map(String::strip).filter(p -> !p.isEmpty()).map(p -> p.toLowerCase(Locale.ROOT)).toList());
            }
        });
    }

    /** Every role with its patterns. */
    public Map<String, List<String>> roles() {
        return Map.copyOf(patterns);
    }

    /** True if any of the roles grants the permission. */
    public boolean permits(Collection<String> roles, String permission) {
        String wanted = permission.toLowerCase(Locale.ROOT);
        return roles.stream().flatMap(r -> patterns.getOrDefault(r, List.of()).stream()).anyMatch(p -> matches(p, wanted));
    }

    static boolean matches(String pattern, String permission) {
        if (pattern.equals("*")) {
            return true;
        }
        String[] want = pattern.split("\\.");
        String[] have = permission.split("\\.");
        if (want.length != have.length) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            if (!want[i].equals("*") && !want[i].equals(have[i])) {
                return false;
            }
        }
        return true;
    }

    /** The permission a REST call needs: module and resource from its path, read or write from its method. */
    public static String forRequest(String module, String path, String method) {
        String stripped = path.replaceAll("^/+", "");
        String resource = stripped.isEmpty() ? "root" : stripped.split("/")[0];
        // Who may use the system, and where its data is sent, is an administrator's business, even to look at.
        boolean administration = module.equals("core") && ADMINISTRATION.contains(resource);
        String action = administration ? "admin" : switch (method) {
            case "GET", "HEAD", "OPTIONS" -> "read";
            default -> "write";
        };
        return module + "." + resource + "." + action;
    }
}
