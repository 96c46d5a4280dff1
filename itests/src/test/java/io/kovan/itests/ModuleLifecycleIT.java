package io.kovan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Map;

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
        int[] notesBefore = {-1};
        Map<Integer, Integer> histogram = statusesWhile("/api/core/parties", () -> {
            for (int round = 1; round <= 3; round++) {
                installModule("kovan-sample", "/api/sample/notes");
                if (round == 1) {
                    notesBefore[0] = get("/api/sample/notes").json().size();
                }
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
        });
        int calls = histogram.values().stream().mapToInt(Integer::intValue).sum();
        assertTrue("too few calls to mean anything: " + histogram, calls >= 50);
        assertEquals("every call during three installs and uninstalls: " + histogram, Map.of(200, calls), histogram);
        assertEquals("the notes survive the module's removal", notesBefore[0] + 3, get("/api/core/parties").status() == 200 ? notesAfterReinstall() : -1);
    }

    @Test
    public void aPartysTimelineMergesWhatEachInstalledModuleRecorded() throws Exception {
        installModule("kovan-sample", "/api/sample/notes");
        com.fasterxml.jackson.databind.JsonNode party = post("/api/core/parties", "{\"kind\":\"ORGANIZATION\",\"name\":\"Timeline Ltd\"}").json();
        long id = party.get("id").asLong();
        assertEquals(201, post("/api/sample/notes", "{\"text\":\"first call\",\"partyId\":" + id + "}").status());
        assertEquals(200, put("/api/core/parties/" + id, "{\"version\":" + party.get("version").asLong()
            + ",\"kind\":\"ORGANIZATION\",\"name\":\"Timeline Ltd\",\"phone\":\"+90 212 555 0101\"}").status());
        assertEquals(201, post("/api/sample/notes", "{\"text\":\"quote sent\",\"partyId\":" + id + "}").status());
        assertEquals(201, post("/api/sample/notes", "{\"text\":\"someone else's\"}").status());

        com.fasterxml.jackson.databind.JsonNode timeline = get("/api/core/parties/" + party.get("code").asText() + "/timeline").json();
        assertEquals(timeline.toString(), java.util.List.of("sample quote sent", "core Party updated: phone", "sample first call", "core Party created"),
            titles(timeline));
        assertEquals(0, timeline.get("unavailable").size());
        String printed = console("core:party-timeline " + party.get("code").asText());
        assertTrue(printed, printed.indexOf("quote sent") > 0 && printed.indexOf("quote sent") < printed.indexOf("Party created"));
        String newest = timeline.get("items").get(0).get("at").asText();
        assertEquals("paging back from the newest entry", java.util.List.of("core Party updated: phone", "sample first call"),
            titles(get("/api/core/parties/" + id + "/timeline?limit=2&before=" + newest).json()));
        assertEquals(400, get("/api/core/parties/" + id + "/timeline?limit=0").status());
        assertEquals(400, get("/api/core/parties/" + id + "/timeline?before=yesterday").status());
        assertEquals(400, get("/api/core/parties/" + id + "/timeline?page=2").status());
        assertEquals(404, get("/api/core/parties/999999/timeline").status());

        console("feature:uninstall kovan-sample");
        awaitStatus("/api/sample/notes", 404);
        assertEquals("the module's entries leave with it", java.util.List.of("core Party updated: phone", "core Party created"),
            titles(get("/api/core/parties/" + id + "/timeline").json()));
    }

    private static java.util.List<String> titles(com.fasterxml.jackson.databind.JsonNode timeline) {
        java.util.List<String> titles = new java.util.ArrayList<>();
        timeline.get("items").forEach(e -> titles.add(e.get("module").asText() + " " + e.get("title").asText()));
        return titles;
    }

    private int notesAfterReinstall() throws Exception {
        installModule("kovan-sample", "/api/sample/notes");
        return get("/api/sample/notes").json().size();
    }
}
