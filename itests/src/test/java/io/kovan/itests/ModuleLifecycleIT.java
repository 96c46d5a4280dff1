package io.kovan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** A module comes and goes at runtime while clients keep using the kernel. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ModuleLifecycleIT extends KovanTestSupport {

    @Test
    public void installingAndRemovingAModuleNeverInterruptsTheOthers() throws Exception {
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread client = new Thread(() -> {
            while (running.get()) {
                try {
                    statuses.add(get("/api/core/parties").status());
                    Thread.sleep(10);
                } catch (Exception e) {
                    statuses.add(-1);
                }
            }
        }, "parties-client");
        client.start();
        try {
            for (int round = 1; round <= 3; round++) {
                installModule("kovan-sample", "/api/sample/notes");
                Reply note = post("/api/sample/notes", "{\"text\":\"round " + round + "\"}");
                assertEquals(note.body(), 201, note.status());
                assertEquals("a rejected request is answered by the kernel's mappers", 400,
                    post("/api/sample/notes", "{\"text\":\"\"}").status());
                String modules = console("kovan:modules");
                String schema = lastChangeSetOf("io.kovan.sample");
                assertTrue(modules, modules.lines().anyMatch(l -> l.startsWith("sample ") && l.contains("/api/sample") && l.contains(schema)
                    && l.contains("CURRENT")));
                console("feature:uninstall kovan-sample");
                awaitStatus("/api/sample/notes", 404);
                assertTrue(console("kovan:modules").lines().noneMatch(l -> l.startsWith("sample")));
            }
        } finally {
            running.set(false);
            client.join();
        }
        Map<Integer, Integer> histogram = new TreeMap<>();
        statuses.forEach(s -> histogram.merge(s, 1, Integer::sum));
        assertTrue("too few calls to mean anything: " + histogram, statuses.size() > 100);
        assertEquals("every call during three installs and uninstalls: " + histogram, Map.of(200, statuses.size()), histogram);
        assertEquals("the notes survive the module's removal", 3, get("/api/core/parties").status() == 200 ? notesAfterReinstall() : -1);
    }

    private int notesAfterReinstall() throws Exception {
        installModule("kovan-sample", "/api/sample/notes");
        return get("/api/sample/notes").json().size();
    }
}
