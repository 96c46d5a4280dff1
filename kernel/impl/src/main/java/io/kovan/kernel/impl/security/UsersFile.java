package io.kovan.kernel.impl.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.apache.felix.utils.properties.Properties;

/**
 * Changes the realm's users file ({@code etc/users.properties}) as one atomic replacement: read,
 * change, write a copy beside it, rename the copy over it. Karaf writes that file in place
 * (truncate, then write), and its auto-encryption thread re-reads it on every modification and
 * rewrites it when it finds a password not yet hashed: reading a half-written file, it took the
 * cut-off hash of the newest user for a clear password and saved what it had read, so users and
 * roles just added were lost (CI, 2026-12-02: a granted role missing, a new salesperson without
 * its role). A rename is no modification to that thread, and every reader (the login module
 * included) sees the old file or the new one, never a part. One change at a time in this JVM.
 */
final class UsersFile {

    /** Karaf's prefix for a group's entry ({@code _g_:name = group,role…}), and for a user's reference to it. */
    static final String GROUP = "_g_:";

    private static final Object LOCK = new Object();

    private UsersFile() {
    }

    /**
     * Every user (not the groups) with the roles it holds, directly or through its groups. Each
     * entry is {@code user = password,role…,_g_:group…}.
     */
    static Map<String, Set<String>> read(Path file) {
        Properties users = load(file);
        Map<String, Set<String>> roles = new TreeMap<>();
        users.forEach((name, entry) -> {
            if (name.startsWith(GROUP)) {
                return;
            }
            Set<String> held = new TreeSet<>();
            for (String item : afterPassword(entry)) {
                if (!item.startsWith(GROUP)) {
                    held.add(item);
                } else if (users.get(item) != null) {
                    held.addAll(afterPassword(users.get(item)));
                }
            }
            roles.put(name, held);
        });
        return roles;
    }

    /** Applies {@code change} to the file's current properties and replaces the file with the result; comments and order are kept. */
    static void update(Path file, Consumer<Properties> change) {
        synchronized (LOCK) {
            Properties users = load(file);
            change.accept(users);
            try {
                Path copy = Files.createTempFile(file.toAbsolutePath().getParent(), ".users-", ".properties");
                try {
                    users.save(copy.toFile());
                    Files.move(copy, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(copy);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot rewrite " + file, e);
            }
        }
    }

    private static Properties load(Path file) {
        Properties users = new Properties();
        try {
            if (Files.exists(file)) {
                users.load(file.toFile());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return users;
    }

    /** An entry's items after its first (a user's password, a group's word {@code group}). */
    private static List<String> afterPassword(String entry) {
        return Arrays.stream(entry.split(",")).skip(1).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }
}
