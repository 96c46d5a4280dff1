package io.kovan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Test;

/** The README's first command: {@code ./kovan run} starts Kovan in the foreground on embedded Derby, and stops with it. */
public class RunInForegroundIT {

    private Process kovan;

    @Test
    public void kovanRunServesUntilItIsStopped() throws Exception {
        KovanScript script = new KovanScript("run-var");
        script.environment.put("KOVAN_ADMIN_PASSWORD", "run-Secret-1");
        Path log = Files.createDirectories(Path.of("target")).resolve("kovan-run.log");
        kovan = script.launch(log, "run");

        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        HttpResponse<String> parties = null;
        while (System.nanoTime() < deadline && kovan.isAlive()) {
            try {
                parties = script.call("run-Secret-1", "GET", "/api/core/parties", null);
                if (parties.statusCode() == 200) {
                    break;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue("./kovan run answered REST: " + output, parties != null && parties.statusCode() == 200);
        assertTrue(parties.body(), parties.body().contains("\"total\":1"));
        assertTrue(output, output.contains("starting in the foreground"));
        assertTrue("on embedded Derby", Files.isDirectory(script.root.resolve(Path.of(script.environment.get("KOVAN_VAR"), "kovan", "data", "derby"))));

        script.kovan("stop");
        assertTrue("the foreground process ends when Kovan stops", kovan.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, kovan.exitValue());
    }

    @After
    public void stopWhateverIsLeft() throws Exception {
        if (kovan != null && kovan.isAlive()) {
            kovan.destroy();
            if (!kovan.waitFor(60, TimeUnit.SECONDS)) {
                kovan.destroyForcibly();
            }
        }
    }
}
