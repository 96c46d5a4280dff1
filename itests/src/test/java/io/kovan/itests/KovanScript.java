package io.kovan.itests;

import static org.junit.Assert.assertEquals;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Drives the real {@code ./kovan} script of the checkout against the built distribution, in a
 * scratch instance directory and on free ports, as an administrator would.
 */
final class KovanScript {

    final Path root = Path.of(System.getProperty("kovan.root", "..")).toAbsolutePath().normalize();
    final Map<String, String> environment = new HashMap<>();
    final int httpPort;
    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

    KovanScript(String instance) throws IOException {
        Path var = Path.of("target", instance).toAbsolutePath();
        deleteRecursively(var);
        httpPort = freePort();
        environment.put("KOVAN_HTTP_PORT", String.valueOf(httpPort));
        environment.put("KOVAN_SSH_PORT", String.valueOf(freePort()));
        environment.put("KOVAN_VAR", var.toString());
        environment.put("KOVAN_NO_BUILD", "1");
        // As in the Pax Exam containers: a test instance lives too briefly for the C2 compiler to pay.
        environment.put("EXTRA_JAVA_OPTS", "-XX:TieredStopAtLevel=1");
    }

    /** Runs a command in the checkout's root with this instance's environment; fails unless it exits 0. */
    String run(List<String> command, int seconds) throws IOException, InterruptedException {
        File log = Files.createTempFile(Path.of("target"), "kovan-script", ".log").toFile();
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).redirectOutput(log);
        builder.environment().keySet().removeIf(k -> k.startsWith("KOVAN_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        boolean finished = process.waitFor(seconds, TimeUnit.SECONDS);
        String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        Files.delete(log.toPath());
        System.out.println(output);
        if (!finished) {
            process.destroyForcibly();
            throw new AssertionError("did not finish in " + seconds + " s: " + output);
        }
        assertEquals(output, 0, process.exitValue());
        return output;
    }

    /** Starts {@code ./kovan <args>} without waiting for it, its output going to {@code log}. */
    Process launch(Path log, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(root.resolve("kovan").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().keySet().removeIf(k -> k.startsWith("KOVAN_"));
        builder.environment().putAll(environment);
        return builder.start();
    }

    String kovan(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(root.resolve("kovan").toString()));
        command.addAll(List.of(args));
        return run(command, 240);
    }

    /** Calls this instance's REST API as {@code admin} with the given password; {@code body} null sends none. */
    java.net.http.HttpResponse<String> call(String password, String method, String path, String body) throws IOException, InterruptedException {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + httpPort + path))
            .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/json")
            .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody() : java.net.http.HttpRequest.BodyPublishers.ofString(body))
            .build();
        return HTTP.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (var files = Files.walk(path)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
