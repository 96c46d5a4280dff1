package io.kovan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Test;

/**
 * Runs the README's five-minute tour exactly as written, through the real {@code ./kovan} script
 * and the distribution's own start scripts, on free ports and in a scratch instance directory:
 * the README stays true, offline boot and the port variables are exercised on the way.
 */
public class ReadmeTourIT {

    private final Path root = Path.of(System.getProperty("kovan.root", "..")).toAbsolutePath().normalize();
    private final Path var = Path.of("target", "tour-var").toAbsolutePath();
    private Map<String, String> environment;

    @Test
    public void theTourRunsAsWritten() throws Exception {
        String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf("## A five-minute tour");
        int start = readme.indexOf("```bash\n", section) + "```bash\n".length();
        String tour = readme.substring(start, readme.indexOf("```", start));
        assertTrue(tour, tour.contains("./kovan start") && tour.contains("./kovan stop"));

        deleteRecursively(var);
        environment = Map.of(
            "KOVAN_HTTP_PORT", String.valueOf(freePort()),
            "KOVAN_SSH_PORT", String.valueOf(freePort()),
            "KOVAN_VAR", var.toString(),
            "KOVAN_NO_BUILD", "1");
        Path script = Files.createDirectories(Path.of("target")).resolve("tour.sh");
        Files.writeString(script, "set -e\n" + tour, StandardCharsets.UTF_8);
        String output = run(List.of("bash", script.toAbsolutePath().toString()), 600);

        assertTrue(output, output.contains("\n401\n"));
        assertTrue(output, output.contains("\"openapi\""));
        assertTrue(output, output.contains("\"total\":1,"));
        assertTrue(output, output.contains("\"field\":\"taxNumber\""));
        assertTrue(output, output.contains("\"code\":\"C-000002\""));
        assertTrue(output, output.contains("\"result\":2500"));
        assertTrue(output, output.contains("\"result\":3425.00"));
        assertTrue(output, output.contains("core-002-reference-data"));
        assertTrue(output, output.contains("Acme Makina A.Ş."));
        assertTrue("the sample module was listed once installed: " + output, output.contains("sample-001-notes"));
        assertTrue(output, output.contains("kovan: stopped"));
    }

    @After
    public void stopWhateverIsLeft() throws Exception {
        if (environment != null) {
            run(List.of(root.resolve("kovan").toString(), "stop"), 120);
        }
    }

    private String run(List<String> command, int seconds) throws IOException, InterruptedException {
        File log = Files.createTempFile("tour", ".log").toFile();
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
            .redirectOutput(log);
        builder.environment().putAll(environment);
        builder.environment().remove("KOVAN_ADMIN_PASSWORD");
        Process process = builder.start();
        boolean finished = process.waitFor(seconds, TimeUnit.SECONDS);
        String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        System.out.println(output);
        if (!finished) {
            process.destroyForcibly();
            throw new AssertionError("did not finish in " + seconds + " s: " + output);
        }
        assertEquals(output, 0, process.exitValue());
        return output;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (var files = Files.walk(path)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
