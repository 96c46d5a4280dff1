package io.kovan.kernel.impl.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersFileTest {

    @TempDir
    Path dir;

    @Test
    void readsRolesDirectAndThroughGroupsAndSkipsTheGroups() throws Exception {
        Path file = dir.resolve("users.properties");
        Files.writeString(file, "# realm\n_g_\\:admingroup = group,admin,viewer\nadmin = {CRYPT}AA{CRYPT},_g_:admingroup\nclerk = {CRYPT}BB{CRYPT},sales-rep, viewer\n",
            StandardCharsets.ISO_8859_1);
        assertEquals(Map.of("admin", Set.of("admin", "viewer"), "clerk", Set.of("sales-rep", "viewer")), UsersFile.read(file));
    }

    @Test
    void anUpdateKeepsCommentsAndOtherEntriesAndLeavesNoCopyBehind() throws Exception {
        Path file = dir.resolve("users.properties");
        Files.writeString(file, "# Kovan users\n#\n_g_\\:viewergroup = group,viewer\nadmin = {CRYPT}AA{CRYPT},_g_:viewergroup\n", StandardCharsets.ISO_8859_1);
        UsersFile.update(file, users -> users.put("rep", "{CRYPT}CC{CRYPT},sales-rep"));
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("# Kovan users\n"), text);
        assertEquals(Map.of("admin", Set.of("viewer"), "rep", Set.of("sales-rep")), UsersFile.read(file));
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file), listing.toList(), "only the users file is left");
        }
    }

    @Test
    void aRefusedChangeWritesNothing() throws Exception {
        Path file = dir.resolve("users.properties");
        Files.writeString(file, "admin = {CRYPT}AA{CRYPT},admin\n", StandardCharsets.ISO_8859_1);
        assertThrows(IllegalStateException.class, () -> UsersFile.update(file, users -> {
            users.put("half", "{CRYPT}DD{CRYPT}");
            throw new IllegalStateException("refused");
        }));
        assertEquals(Map.of("admin", Set.of("admin")), UsersFile.read(file));
    }

    /** Sixteen writers at once, each adding its own user while readers read: nobody's user is lost and no read sees a part. */
    @Test
    void concurrentWritersLoseNoUserAndReadersNeverSeeAPart() throws Exception {
        Path file = dir.resolve("users.properties");
        Files.writeString(file, "admin = {CRYPT}AA{CRYPT},admin\n", StandardCharsets.ISO_8859_1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String name = "user" + i;
                work.add(pool.submit(() -> UsersFile.update(file, users -> users.put(name, "{CRYPT}EE{CRYPT},viewer"))));
                work.add(pool.submit(() -> assertTrue(UsersFile.read(file).containsKey("admin"), "a read saw part of the file")));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(17, UsersFile.read(file).size());
    }
}
