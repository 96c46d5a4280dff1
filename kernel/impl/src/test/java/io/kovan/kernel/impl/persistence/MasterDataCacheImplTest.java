package io.kovan.kernel.impl.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.transaction.Status;
import javax.transaction.Synchronization;
import javax.transaction.TransactionSynchronizationRegistry;

import org.junit.jupiter.api.Test;

class MasterDataCacheImplTest {

    /** The calling thread's transaction: begin, end, its resources and synchronizations; another one may interrupt it. */
    static final class Registry implements TransactionSynchronizationRegistry {
        int status = Status.STATUS_NO_TRANSACTION;
        Map<Object, Object> resources = new HashMap<>();
        List<Synchronization> synchronizations = new ArrayList<>();

        void begin() {
            status = Status.STATUS_ACTIVE;
            resources = new HashMap<>();
            synchronizations = new ArrayList<>();
        }

        void end(int outcome) {
            status = Status.STATUS_NO_TRANSACTION;
            synchronizations.forEach(s -> s.afterCompletion(outcome));
        }

        /** Runs {@code work} in a transaction of its own, as another thread would, and commits it. */
        <T> T inAnotherTransaction(Supplier<T> work) {
            int status0 = status;
            Map<Object, Object> resources0 = resources;
            List<Synchronization> synchronizations0 = synchronizations;
            begin();
            T result = work.get();
            end(Status.STATUS_COMMITTED);
            status = status0;
            resources = resources0;
            synchronizations = synchronizations0;
            return result;
        }

        @Override
        public Object getTransactionKey() {
            return status == Status.STATUS_NO_TRANSACTION ? null : resources;
        }

        @Override
        public void putResource(Object key, Object value) {
            resources.put(key, value);
        }

        @Override
        public Object getResource(Object key) {
            return resources.get(key);
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            synchronizations.add(sync);
        }

        @Override
        public int getTransactionStatus() {
            return status;
        }

        @Override
        public void setRollbackOnly() {
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }

    /** The counters of a database that other nodes share, or not: raised in a transaction, read as committed. */
    static final class Counters implements MasterDataCacheImpl.Signals {
        final boolean shared;
        final long[] committed = new long[MasterDataCacheImpl.SLOTS];
        final List<Integer> raised = new ArrayList<>();
        int reads;

        Counters(boolean shared) {
            this.shared = shared;
        }

        @Override
        public boolean shared() {
            return shared;
        }

        @Override
        public long[] read() {
            reads++;
            return committed.clone();
        }

        @Override
        public void raise(int slot) {
            raised.add(slot);
        }

        /** Another node commits a change of the region. */
        void changedElsewhere(String region) {
            committed[slot(region)]++;
        }
    }

    static int slot(String region) {
        return Math.floorMod(region.hashCode(), MasterDataCacheImpl.SLOTS);
    }

    private final Registry registry = new Registry();
    private final AtomicInteger loads = new AtomicInteger();
    /** What the database holds under the key, as committed. */
    private String row = "first";

    private String load() {
        loads.incrementAndGet();
        return row;
    }

    @Test
    void aValueIsLoadedOnceAcrossTransactions() {
        MasterDataCacheImpl cache = new MasterDataCacheImpl(registry, new Counters(false));
        for (int i = 0; i < 3; i++) {
            registry.begin();
            assertEquals("first", cache.get("core.product", 1L, this::load));
            registry.end(Status.STATUS_COMMITTED);
        }
        assertEquals("first", cache.get("core.product", 1L, this::load));
        assertEquals(1, loads.get());
    }

    @Test
    void theWritingTransactionReadsItsOwnWritesAndAfterItsCommitEveryoneReadsThem() {
        MasterDataCacheImpl cache = new MasterDataCacheImpl(registry, new Counters(false));
        registry.begin();
        cache.get("core.product", 1L, this::load);
        cache.changed("core.product");
        row = "second";
        assertEquals("second", cache.get("core.product", 1L, this::load));
        registry.end(Status.STATUS_COMMITTED);
        assertEquals("second", cache.get("core.product", 1L, this::load));
        assertEquals("second", cache.get("core.product", 1L, this::load));
        assertEquals(3, loads.get());
    }

    @Test
    void aValueLoadedBeforeAChangeCommittedIsDroppedWithIt() {
        MasterDataCacheImpl cache = new MasterDataCacheImpl(registry, new Counters(false));
        registry.begin();
        cache.changed("core.product");
        // Meanwhile another transaction reads the value still committed, and keeps it.
        assertEquals("first", registry.inAnotherTransaction(() -> cache.get("core.product", 1L, this::load)));
        row = "second";
        registry.end(Status.STATUS_COMMITTED);
        assertEquals("second", cache.get("core.product", 1L, this::load));
    }

    @Test
    void aRolledBackChangeAlsoDropsWhatWasKept() {
        MasterDataCacheImpl cache = new MasterDataCacheImpl(registry, new Counters(false));
        cache.get("core.party", 1L, this::load);
        registry.begin();
        cache.changed("core.party");
        registry.end(Status.STATUS_ROLLEDBACK);
        cache.get("core.party", 1L, this::load);
        assertEquals(2, loads.get());
    }

    @Test
    void otherRegionsStayKept() {
        MasterDataCacheImpl cache = new MasterDataCacheImpl(registry, new Counters(false));
        cache.get("core.currency", "EUR", this::load);
        registry.begin();
        cache.changed("core.webhook");
        assertEquals("first", cache.get("core.currency", "EUR", this::load));
        registry.end(Status.STATUS_COMMITTED);
        assertEquals("first", cache.get("core.currency", "EUR", this::load));
        assertEquals(1, loads.get());
    }

    @Test
    void anUnknownRecordIsAskedAgain() {
        MasterDataCacheImpl cache = new MasterDataCacheImpl(registry, new Counters(false));
        row = null;
        assertNull(cache.get("core.product", 9L, this::load));
        row = "found";
        assertEquals("found", cache.get("core.product", 9L, this::load));
        assertEquals(2, loads.get());
    }

    @Test
    void aChangeOutsideATransactionIsRefused() {
        MasterDataCacheImpl cache = new MasterDataCacheImpl(registry, new Counters(false));
        assertThrows(IllegalStateException.class, () -> cache.changed("core.product"));
    }

    @Test
    void onEmbeddedDerbyTheCountersAreNeitherRaisedNorRead() {
        Counters counters = new Counters(false);
        MasterDataCacheImpl cache = new MasterDataCacheImpl(registry, counters);
        registry.begin();
        cache.get("core.product", 1L, this::load);
        cache.changed("core.product");
        registry.end(Status.STATUS_COMMITTED);
        cache.get("core.product", 1L, this::load);
        assertEquals(0, counters.reads);
        assertEquals(List.of(), counters.raised);
    }

    @Test
    void onASharedDatabaseAWritingTransactionRaisesItsRegionsCounterOnce() {
        Counters counters = new Counters(true);
        MasterDataCacheImpl cache = new MasterDataCacheImpl(registry, counters);
        registry.begin();
        cache.changed("core.product");
        cache.changed("core.product");
        cache.changed("core.party");
        assertEquals(List.of(slot("core.product"), slot("core.party")), counters.raised);
        registry.end(Status.STATUS_COMMITTED);
    }

    @Test
    void onASharedDatabaseATransactionReadsTheCountersOnceAndSeesAnotherNodesCommittedChange() {
        Counters counters = new Counters(true);
        MasterDataCacheImpl cache = new MasterDataCacheImpl(registry, counters);
        registry.begin();
        cache.get("core.product", 1L, this::load);
        cache.get("core.product", 1L, this::load);
        cache.get("core.party", 1L, this::load);
        registry.end(Status.STATUS_COMMITTED);
        assertEquals(1, counters.reads);
        assertEquals(2, loads.get());

        registry.begin();
        assertEquals("first", cache.get("core.product", 1L, this::load));
        registry.end(Status.STATUS_COMMITTED);
        assertEquals(2, loads.get());

        row = "second";
        counters.changedElsewhere("core.product");
        registry.begin();
        assertEquals("second", cache.get("core.product", 1L, this::load));
        assertEquals("first", cache.get("core.party", 1L, this::load));
        registry.end(Status.STATUS_COMMITTED);
        assertEquals(3, loads.get());
        assertEquals(3, counters.reads);
    }

    @Test
    void onASharedDatabaseEveryReadOutsideATransactionChecksTheCounters() {
        Counters counters = new Counters(true);
        MasterDataCacheImpl cache = new MasterDataCacheImpl(registry, counters);
        cache.get("core.product", 1L, this::load);
        row = "second";
        counters.changedElsewhere("core.product");
        assertEquals("second", cache.get("core.product", 1L, this::load));
        assertEquals(2, counters.reads);
    }

    @Test
    void aTransactionMarkedForRollbackAnswersWhatIsKeptKeepsNothingAndMayStillRecordAChange() {
        Counters counters = new Counters(true);
        MasterDataCacheImpl cache = new MasterDataCacheImpl(registry, counters);
        cache.get("core.product", 1L, this::load);
        registry.begin();
        registry.status = Status.STATUS_MARKED_ROLLBACK;
        assertEquals("first", cache.get("core.product", 1L, this::load));
        row = "uncommitted";
        assertEquals("uncommitted", cache.get("core.product", 2L, this::load));
        assertEquals(1, counters.reads, "without reading the counters, which a doomed transaction may not");
        cache.changed("core.product");
        registry.end(Status.STATUS_ROLLEDBACK);
        row = "first";
        assertEquals("first", cache.get("core.product", 2L, this::load));
        assertEquals(3, loads.get());
    }

    @Test
    void whileAWriterIsOpenOtherTransactionsReadTheDatabaseAndKeepNothing() {
        MasterDataCacheImpl cache = new MasterDataCacheImpl(registry, new Counters(false));
        cache.get("core.product", 1L, this::load);
        registry.begin();
        cache.changed("core.product");
        row = "second";
        // The write has committed in the database; its transaction has not ended yet.
        assertEquals("second", registry.inAnotherTransaction(() -> cache.get("core.product", 1L, this::load)));
        assertEquals("second", registry.inAnotherTransaction(() -> cache.get("core.product", 1L, this::load)));
        assertEquals(3, loads.get());
        registry.end(Status.STATUS_COMMITTED);
        assertEquals("second", cache.get("core.product", 1L, this::load));
        assertEquals("second", cache.get("core.product", 1L, this::load));
        assertEquals(4, loads.get());
    }

    @Test
    void getAllLoadsOnlyWhatIsNotKeptAndInOneCall() {
        MasterDataCacheImpl cache = new MasterDataCacheImpl(registry, new Counters(false));
        List<List<Long>> calls = new ArrayList<>();
        java.util.function.Function<java.util.Collection<Long>, Map<Long, String>> load = ids -> {
            calls.add(List.copyOf(ids));
            Map<Long, String> found = new HashMap<>();
            ids.stream().filter(id -> id != 9L).forEach(id -> found.put(id, "product " + id));
            return found;
        };
        assertEquals(Map.of(1L, "product 1", 2L, "product 2"), cache.getAll("core.product", List.of(1L, 2L, 9L), load));
        assertEquals(Map.of(1L, "product 1", 2L, "product 2", 3L, "product 3"), cache.getAll("core.product", List.of(1L, 2L, 3L, 9L), load));
        assertEquals(List.of(List.of(1L, 2L, 9L), List.of(3L, 9L)), calls);
    }

    @Test
    void getAllKeepsNothingLoadedBeforeAChangeCommitted() {
        MasterDataCacheImpl cache = new MasterDataCacheImpl(registry, new Counters(false));
        registry.begin();
        cache.changed("core.product");
        registry.inAnotherTransaction(() -> cache.getAll("core.product", List.of(1L), ids -> Map.of(1L, row)));
        row = "second";
        registry.end(Status.STATUS_COMMITTED);
        assertEquals(Map.of(1L, "second"), cache.getAll("core.product", List.of(1L), ids -> Map.of(1L, row)));
    }
}
