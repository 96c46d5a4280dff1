package io.kovan.kernel.impl.security;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * Gives the {@code admin} user a password on first start: {@code KOVAN_ADMIN_PASSWORD} if set,
 * else a generated one. The realm's users file gets its hash, in the form the realm is configured
 * for ({@code etc/org.apache.karaf.jaas.cfg}: SHA-256, hexadecimal, between {@code {CRYPT}}
 * markers), so it is never there in clear; the password itself goes into
 * {@code data/kovan/admin-password}, readable by its owner only, and is printed once. Nothing
 * happens when the users file already has an admin.
 */
public final class AdminAccount {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private AdminAccount() {
    }

    /** Returns the new password, or {@code null} when an admin already exists. */
    public static String ensure(Path usersFile, Path passwordFile, String fromEnvironment, PrintStream console) throws IOException {
        if (UsersFile.read(usersFile).containsKey("admin")) {
            return null;
        }
        String password = fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment : generate();
        Files.createDirectories(passwordFile.getParent());
        Files.deleteIfExists(passwordFile);
        try {
            Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(passwordFile);
        }
        Files.writeString(passwordFile, password + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        String hash = realmHash(password);
        UsersFile.update(usersFile, realm -> realm.put("admin", hash + ",_g_:admingroup"));
        if (console != null) {
            String origin = fromEnvironment != null && !fromEnvironment.isBlank() ? "from KOVAN_ADMIN_PASSWORD" : "generated";
            console.println("Kovan: user 'admin' created, password " + origin + (origin.equals("generated") ? ": " + password : "")
                + " (kept in " + passwordFile + ")");
        }
        return password;
    }

    /** What Karaf's basic encryption stores for a password: {@code {CRYPT}}, SHA-256 in upper-case hex, {@code {CRYPT}}. */
    static String realmHash(String password) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return "{CRYPT}" + java.util.HexFormat.of().withUpperCase().formatHex(digest) + "{CRYPT}";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
