package io.kovan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;
import org.ops4j.pax.exam.Option;

import io.kovan.kernel.api.PageRequest;
import io.kovan.kernel.api.Transactions;
import io.kovan.kernel.api.numbering.NumberSeriesDTO;
import io.kovan.kernel.api.numbering.NumberingService;
import io.kovan.kernel.api.party.PartyDTO;
import io.kovan.kernel.api.party.PartyKind;
import io.kovan.kernel.api.party.PartyRole;
import io.kovan.kernel.api.party.PartyService;
import io.kovan.sample.api.NoteDTO;
import io.kovan.sample.api.NoteService;

/**
 * What the persistence layer promises, checked on whichever database the subclass boots:
 * one transaction across modules, and gapless numbering under concurrency with rollbacks.
 */
public abstract class PersistenceContract extends KovanTestSupport {

    /** Thrown inside a transaction to roll it back on purpose. */
    static final class Rollback extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** The sample module boots with the container: the test classes use its API. */
    @Override
    protected List<Option> baseConfig(List<Option> extra) {
        List<Option> options = super.baseConfig(extra);
        options.add(editConfigurationFileExtend("etc/org.apache.karaf.features.cfg", "featuresBoot", "kovan-sample"));
        return options;
    }

    /** Skips (loudly) when the subclass's database is not there. */
    protected void assumeDatabase() {
    }

    @Test
    public void aFailureInTheSecondModuleRollsBackTheFirstModulesWrite() throws Exception {
        assumeDatabase();
        installModule("kovan-sample", "/api/sample/notes");
        Transactions tx = service(Transactions.class);
        PartyService parties = service(PartyService.class);
        NoteService notes = service(NoteService.class);
        long partiesBefore = parties.list(PageRequest.of(0, 1)).total();
        long notesBefore = notes.count();

        try {
            tx.required(() -> {
                PartyDTO party = parties.create(party("Rolled Back Ltd"));
                notes.create(new NoteDTO(null, null, "first note commits only with the party", party.id(), null));
                notes.create(new NoteDTO(null, null, "x".repeat(300), party.id(), null));
                return party;
            });
            fail("a 300-character note must be refused by the sample module's database column");
        } catch (RuntimeException expected) {
            // the database refused the note
        }
        assertEquals("the kernel's party is gone with the module's failure", partiesBefore, parties.list(PageRequest.of(0, 1)).total());
        assertEquals("no note was kept", notesBefore, notes.count());
        assertEquals(0, parties.list(new PageRequest(0, 10, "Rolled Back", null, Map.of())).total());

        PartyDTO kept = tx.required(() -> {
            PartyDTO party = parties.create(party("Committed Ltd"));
            notes.create(new NoteDTO(null, null, "kept", party.id(), null));
            return party;
        });
        assertEquals(partiesBefore + 1, parties.list(PageRequest.of(0, 1)).total());
        assertEquals(notesBefore + 1, notes.count());
        assertTrue(notes.list().stream().anyMatch(n -> kept.id().equals(n.partyId())));
    }

    @Test
    public void concurrentNumbersAreGaplessAndUniqueWithRollbacks() throws Exception {
        assumeDatabase();
        Transactions tx = service(Transactions.class);
        NumberingService numbering = service(NumberingService.class);
        numbering.define(new NumberSeriesDTO("ITN", "ITN", true, 6, "concurrency test"));
        int threads = 8;
        int perThread = 200;
        ConcurrentLinkedQueue<String> committed = new ConcurrentLinkedQueue<>();
        AtomicInteger rolledBack = new AtomicInteger();
        runConcurrently(threads, perThread, (thread, i) -> {
            boolean rollback = (i + thread) % 7 == 0;
            try {
                committed.add(tx.required(() -> {
                    String drawn = numbering.next("ITN", LocalDate.of(2026, 3, 1));
                    if (rollback) {
                        throw new Rollback();
                    }
                    return drawn;
                }));
            } catch (Rollback e) {
                rolledBack.incrementAndGet();
            }
        });

        int expected = threads * perThread - rolledBack.get();
        assertTrue("some transactions rolled back", rolledBack.get() > 100);
        assertEquals(expected, committed.size());
        Set<String> unique = Set.copyOf(committed);
        assertEquals("no duplicates", committed.size(), unique.size());
        for (int n = 1; n <= expected; n++) {
            String number = String.format("ITN-2026-%06d", n);
            assertTrue("gap at " + number, unique.contains(number));
        }
        assertFalse(unique.contains(String.format("ITN-2026-%06d", expected + 1)));
        assertEquals(expected, numbering.last("ITN", 2026));
        assertEquals("another year starts at 1", "ITN-2027-000001", numbering.next("ITN", LocalDate.of(2027, 1, 4)));
    }

    /** The first draws of a year create its counter row; concurrent first drawers, two of them rolling back, must neither deadlock nor gap. */
    @Test
    public void firstNumbersOfNewYearsAreGaplessUnderConcurrentRollbacks() throws Exception {
        assumeDatabase();
        Transactions tx = service(Transactions.class);
        NumberingService numbering = service(NumberingService.class);
        numbering.define(new NumberSeriesDTO("ITY", "ITY", true, 4, "first draws of new years"));
        int threads = 8;
        int years = 25;
        ConcurrentLinkedQueue<String> committed = new ConcurrentLinkedQueue<>();
        runConcurrently(threads, years, (thread, i) -> {
            try {
                committed.add(tx.required(() -> {
                    String drawn = numbering.next("ITY", LocalDate.of(2040 + i, 6, 1));
                    if (thread == i % threads || thread == (i + 3) % threads) {
                        // hold the new counter row a moment, so the others queue up behind it
                        java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
                        throw new Rollback();
                    }
                    return drawn;
                }));
            } catch (Rollback e) {
                // two drawers per year give their numbers back
            }
        });
        assertEquals(years * (threads - 2), committed.size());
        assertEquals("no duplicates", committed.size(), Set.copyOf(committed).size());
        for (int i = 0; i < years; i++) {
            int year = 2040 + i;
            assertEquals(threads - 2, numbering.last("ITY", year));
            for (int n = 1; n <= threads - 2; n++) {
                assertTrue("gap in " + year + " at " + n, committed.contains(String.format("ITY-%d-%04d", year, n)));
            }
        }
    }

    /** Numbering keeps series settings once read; a series whose definition rolled back must still be unknown afterwards. */
    @Test
    public void aSeriesDefinedInARolledBackTransactionStaysUnknown() throws Exception {
        assumeDatabase();
        Transactions tx = service(Transactions.class);
        NumberingService numbering = service(NumberingService.class);
        String code = "ITR" + Long.toString(System.nanoTime() % 100000, 36).toUpperCase(java.util.Locale.ROOT);
        tx.required(() -> {
            numbering.define(new NumberSeriesDTO(code, code, false, 4, "rolled back"));
            assertEquals("drawn inside the defining transaction", code + "-0001", numbering.next(code));
            tx.setRollbackOnly();
        });
        try {
            numbering.next(code);
            fail("the series' definition was rolled back");
        } catch (io.kovan.kernel.api.NotFoundException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains(code));
        }
        numbering.define(new NumberSeriesDTO(code, code + "X", false, 4, "defined again, with another prefix"));
        assertEquals("the new definition counts, not the one read before", code + "X-0001", numbering.next(code));
    }

    @Test
    public void concurrentCrossModuleTransactionsCommitOrRollBackWhole() throws Exception {
        assumeDatabase();
        installModule("kovan-sample", "/api/sample/notes");
        Transactions tx = service(Transactions.class);
        PartyService parties = service(PartyService.class);
        NoteService notes = service(NoteService.class);
        int threads = 8;
        int perThread = 30;
        AtomicInteger committed = new AtomicInteger();
        runConcurrently(threads, perThread, (thread, i) -> {
            String name = "Crossing " + thread + "-" + i;
            String text = "crossing " + thread + "-" + i;
            try {
                tx.required(() -> {
                    PartyDTO party = parties.create(party(name));
                    notes.create(new NoteDTO(null, null, text, party.id(), null));
                    if ((i + thread) % 5 == 0) {
                        throw new Rollback();
                    }
                    return party;
                });
                committed.incrementAndGet();
            } catch (Rollback e) {
                // both writes are gone
            }
        });
        assertEquals(threads * perThread * 4 / 5, committed.get());
        assertEquals("every committed party, no rolled-back one", committed.get(),
            parties.list(new PageRequest(0, 1, "Crossing", null, Map.of())).total());
        assertEquals("and exactly their notes", committed.get(), notes.list().stream().filter(n -> n.text().startsWith("crossing ")).count());
    }

    @Test
    public void partiesThroughRestOnThisDatabase() throws Exception {
        assumeDatabase();
        Reply created = post("/api/core/parties", "{\"kind\":\"PERSON\",\"name\":\"Ayşe Yılmaz\",\"taxNumber\":\"10000000146\",\"roles\":[\"CUSTOMER\",\"EMPLOYEE\"]}");
        assertEquals(created.body(), 201, created.status());
        Reply employees = get("/api/core/parties?role=EMPLOYEE&q=yılmaz");
        assertEquals(1, employees.json().get("total").asLong());
        assertEquals(400, post("/api/core/parties", "{\"kind\":\"PERSON\",\"name\":\"Bad\",\"taxNumber\":\"10000000147\"}").status());
    }

    @Test
    public void theFlowOfAChainOfFiveDocumentsWalksBothWays() throws Exception {
        assumeDatabase();
        installModule("kovan-sample", "/api/sample/notes");
        List<com.fasterxml.jackson.databind.JsonNode> chain = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String from = chain.isEmpty() ? "" : ",\"fromNoteId\":" + chain.get(chain.size() - 1).get("id").asLong();
            Reply created = post("/api/sample/notes", "{\"text\":\"step " + i + "\"" + from + "}");
            assertEquals(created.body(), 201, created.status());
            assertTrue(created.json().get("number").asText().matches("NOTE-\\d{6}"));
            chain.add(created.json());
        }
        long middle = chain.get(2).get("id").asLong();
        com.fasterxml.jackson.databind.JsonNode audited = get("/api/core/audit?entity=sample.note&id=" + middle).json();
        com.fasterxml.jackson.databind.JsonNode created = null;
        for (com.fasterxml.jackson.databind.JsonNode entry : audited) {
            created = entry.get("action").asText().equals("created") ? entry : created;
        }
        assertTrue("a module's writes are audited too: " + audited, created != null);
        assertEquals("step 3", created.get("changes").get("text").get("after").asText());
        assertTrue("and so is the kernel's link to the note it came from: " + audited, audited.toString().contains("\"linked\""));
        com.fasterxml.jackson.databind.JsonNode flow = get("/api/core/documents/sample.note/" + middle + "/flow").json();
        assertEquals(middle, flow.get("start").get("id").asLong());
        assertEquals("all five, both directions from the middle", 5, flow.get("documents").size());
        assertEquals(4, flow.get("links").size());
        for (int i = 0; i < 4; i++) {
            String link = chain.get(i).get("id").asLong() + "->" + chain.get(i + 1).get("id").asLong();
            boolean found = false;
            for (com.fasterxml.jackson.databind.JsonNode l : flow.get("links")) {
                found |= (l.get("fromId").asLong() + "->" + l.get("toId").asLong()).equals(link);
            }
            assertTrue("link " + link + " in " + flow, found);
        }
        String last = chain.get(4).get("number").asText();
        assertEquals(chain.get(4).get("id").asLong(), get("/api/core/documents?number=" + last).json().get("id").asLong());
        assertEquals(404, get("/api/core/documents/sample.note/999999/flow").status());
        assertEquals(400, post("/api/sample/notes", "{\"text\":\"orphan\",\"fromNoteId\":999999}").status());

        String tree = console("kovan:document-flow " + chain.get(0).get("number").asText());
        List<String> lines = tree.lines().filter(l -> l.contains("NOTE-")).toList();
        assertEquals(tree, 5, lines.size());
        for (int i = 0; i < 5; i++) {
            assertTrue(tree, lines.get(i).contains(chain.get(i).get("number").asText()));
            if (i > 0) {
                assertTrue("each step is indented under the one it came from:\n" + tree,
                    lines.get(i).indexOf("NOTE-") > lines.get(i - 1).indexOf("NOTE-"));
            }
        }

        NoteService notes = service(NoteService.class);
        Transactions tx = service(Transactions.class);
        long lastId = chain.get(4).get("id").asLong();
        try {
            tx.required(() -> {
                notes.create(new NoteDTO(null, null, "a sixth step", null, lastId));
                return notes.create(new NoteDTO(null, null, "x".repeat(300), null, lastId));
            });
            fail("the over-long note must fail");
        } catch (RuntimeException expected) {
            // rolled back, links included
        }
        io.kovan.kernel.api.document.DocumentFlowService flows = service(io.kovan.kernel.api.document.DocumentFlowService.class);
        flows.record(new io.kovan.kernel.api.document.DocumentDTO("sample.note", lastId, chain.get(4).get("number").asText(), "closed",
            java.time.LocalDate.of(2026, 11, 24), new java.math.BigDecimal("12.5"), "TRY"));
        io.kovan.kernel.api.document.DocumentDTO updated = flows.flow("sample.note", lastId).documents().stream()
            .filter(d -> d.id() == lastId).findFirst().orElseThrow();
        assertEquals("recording a document again updates it", "closed", updated.state());
        assertEquals("12.50", updated.amount().toPlainString());
        assertEquals("a rolled-back link leaves no trace", 5,
            get("/api/core/documents/sample.note/" + middle + "/flow").json().get("documents").size());
    }

    @Test
    public void eventsAreHeardInTheTransactionAndPostedOnlyAfterCommit() throws Exception {
        assumeDatabase();
        PartyService parties = service(PartyService.class);
        Transactions tx = service(Transactions.class);
        List<String> posted = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch committed = new CountDownLatch(1);
        java.util.Hashtable<String, Object> topic = new java.util.Hashtable<>();
        topic.put(org.osgi.service.event.EventConstants.EVENT_TOPIC, "kovan/core/party/*");
        org.osgi.framework.ServiceRegistration<?> handler = bundleContext.registerService(org.osgi.service.event.EventHandler.class, event -> {
            Object name = ((Map<?, ?>) event.getProperty("data")).get("name");
            posted.add(event.getTopic() + " " + name);
            if ("Evented Commit Ltd".equals(name)) {
                committed.countDown();
            }
        }, topic);
        java.util.Hashtable<String, Object> created = new java.util.Hashtable<>();
        created.put(io.kovan.kernel.api.event.TransactionalEventListener.EVENTS, "core.party.created");
        org.osgi.framework.ServiceRegistration<?> veto = bundleContext.registerService(io.kovan.kernel.api.event.TransactionalEventListener.class,
            event -> {
                if ("Vetoed Ltd".equals(event.data().get("name"))) {
                    throw new io.kovan.kernel.api.ConflictException("Vetoed by an in-transaction listener");
                }
            }, created);
        try {
            try {
                parties.create(party("Vetoed Ltd"));
                fail("the listener's refusal must surface");
            } catch (io.kovan.kernel.api.ConflictException expected) {
                assertEquals("Vetoed by an in-transaction listener", expected.getMessage());
            }
            assertEquals("through REST the refusal is a 409", 409, post("/api/core/parties", "{\"kind\":\"PERSON\",\"name\":\"Vetoed Ltd\"}").status());
            assertEquals("a listener's failure rolls the operation back", 0,
                parties.list(new PageRequest(0, 10, "Vetoed", null, Map.of())).total());
            try {
                tx.required(() -> {
                    parties.create(party("Rolled Back Event Ltd"));
                    throw new Rollback();
                });
            } catch (Rollback expected) {
                // nothing to deliver
            }
            parties.create(party("Evented Commit Ltd"));
            assertTrue("the committed event is posted", committed.await(30, TimeUnit.SECONDS));
            assertTrue(posted.toString(), posted.contains("kovan/core/party/created Evented Commit Ltd"));
            assertFalse("nothing is posted for a rolled-back transaction: " + posted, posted.stream().anyMatch(p -> p.contains("Rolled Back Event")));
            assertFalse(posted.stream().anyMatch(p -> p.contains("Vetoed")));
            String recent = console("kovan:events --limit 5");
            assertTrue(recent, recent.contains("core.party.created") && recent.contains("Evented Commit Ltd"));
            assertFalse(recent, recent.contains("Rolled Back Event Ltd"));
        } finally {
            handler.unregister();
            veto.unregister();
        }
    }

    /** One step of a concurrent test: the thread's number and the step's. */
    interface Step {
        void run(int thread, int step) throws Exception;
    }

    /**
     * Runs {@code steps} steps on each of {@code threads} threads, all starting at once; a failed
     * step fails the test, with the container's warnings printed for the post-mortem.
     */
    static void runConcurrently(int threads, int steps, Step body) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < steps; i++) {
                    body.run(thread, i);
                }
                return null;
            }));
        }
        start.countDown();
        try {
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } catch (java.util.concurrent.ExecutionException e) {
            printWarningsOfTheLog();
            // The cause's class (a database exception) is unknown to the test client, which would
            // then report a ClassNotFoundException instead: hand over its messages as text.
            StringBuilder causes = new StringBuilder("a concurrent step failed");
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                causes.append("\n  caused by ").append(c);
            }
            throw new AssertionError(causes.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    /** What the container logged as WARN or ERROR, for the post-mortem of a failure that is rarely seen (its runtime folder is deleted). */
    private static void printWarningsOfTheLog() {
        java.nio.file.Path log = java.nio.file.Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
        try (java.util.stream.Stream<String> lines = java.nio.file.Files.lines(log)) {
            List<String> warnings = lines.filter(l -> l.contains("| WARN ") || l.contains("| ERROR") || l.startsWith("Caused by")
                || l.startsWith("Internal Exception")).toList();
            System.out.println("*** WARN and ERROR lines of " + log + " (last 80):");
            warnings.subList(Math.max(0, warnings.size() - 80), warnings.size()).forEach(System.out::println);
        } catch (java.io.IOException | RuntimeException e) {
            System.out.println("*** could not read " + log + ": " + e);
        }
    }

    private static PartyDTO party(String name) {
        return new PartyDTO(null, null, PartyKind.ORGANIZATION, name, Set.of(PartyRole.CUSTOMER), null, null, List.of(), List.of(),
            null, null, null, null, null, null, null, null);
    }
}
