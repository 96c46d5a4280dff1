package io.kovan.kernel.impl.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminAccountTest {

    @TempDir
    Path dir;

    @Test
    void givenPasswordIsStoredForTheRealmAndInAnOwnerOnlyFile() throws Exception {
        Path users = dir.resolve("users.properties");
        Files.writeString(users, "_g_\\:admingroup = group,admin\n", StandardCharsets.ISO_8859_1);
        Path secret = dir.resolve("data/kovan/admin-password");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        String password = "p=a:s s\\w#rd!";

        assertEquals(password, AdminAccount.ensure(users, secret, password, new PrintStream(console, true, StandardCharsets.UTF_8)));

        Properties realm = load(users);
        assertEquals("{CRYPT}" + sha256Hex(password) + "{CRYPT},_g_:admingroup", realm.getProperty("admin"));
        assertTrue(!Files.readString(users, StandardCharsets.ISO_8859_1).contains("s\\w#rd"), "the realm's file never holds the password");
        assertEquals("group,admin", realm.getProperty("_g_:admingroup"), "existing lines are kept");
        assertEquals(password, Files.readString(secret).strip());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
        String printed = console.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("KOVAN_ADMIN_PASSWORD"), printed);
        assertTrue(!printed.contains(password), "a password the administrator chose is not echoed");
    }

    @Test
    void generatedPasswordIsPrintedOnce() throws Exception {
        Path users = dir.resolve("users.properties");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        String password = AdminAccount.ensure(users, dir.resolve("admin-password"), null, new PrintStream(console, true, StandardCharsets.UTF_8));
        assertEquals(20, password.length());
        assertTrue(console.toString(StandardCharsets.UTF_8).contains(password));
        assertNull(AdminAccount.ensure(users, dir.resolve("admin-password"), "other", null), "a second start changes nothing");
        assertEquals("{CRYPT}" + sha256Hex(password) + "{CRYPT},_g_:admingroup", load(users).getProperty("admin"));
    }

    @Test
    void theRealmHashIsWhatKarafStoresForSha256Hex() {
        // Read off a Karaf 4.4 users file after the first login with this password.
        assertEquals("{CRYPT}D13DD6F4F69613F2CD42792C3C8F4FDCD2BF812F4B6E3900CE234EA8314099B7{CRYPT}", AdminAccount.realmHash("secret-pass-1"));
    }

    @Test
    void generatedPasswordsDiffer() {
        assertNotEquals(AdminAccount.generate(), AdminAccount.generate());
    }

    private static Properties load(Path file) throws Exception {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            p.load(in);
        }
        return p;
    }

    private static String sha256Hex(String text) throws Exception {
        return java.util.HexFormat.of().withUpperCase().formatHex(java.security.MessageDigest.getInstance("SHA-256")
            .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
