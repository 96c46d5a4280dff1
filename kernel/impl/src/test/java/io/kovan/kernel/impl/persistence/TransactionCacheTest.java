package io.kovan.kernel.impl.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.transaction.Status;
import javax.transaction.Synchronization;
import javax.transaction.TransactionSynchronizationRegistry;

import org.junit.jupiter.api.Test;

class TransactionCacheTest {

    /** One transaction at a time: begin, end, and its resources. */
    static final class Registry implements TransactionSynchronizationRegistry {
        int status = Status.STATUS_NO_TRANSACTION;
        Map<Object, Object> resources = new HashMap<>();

        void begin() {
            status = Status.STATUS_ACTIVE;
            resources = new HashMap<>();
        }

        void end() {
            status = Status.STATUS_NO_TRANSACTION;
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

    private final Registry registry = new Registry();
    private final TransactionCache cache = new TransactionCache(registry);
    private final AtomicInteger loads = new AtomicInteger();

    private String load() {
        return "value " + loads.incrementAndGet();
    }

    @Test
    void outsideATransactionEveryReadLoads() {
        assertEquals("value 1", cache.get("party/1", this::load));
        assertEquals("value 2", cache.get("party/1", this::load));
    }

    @Test
    void inATransactionAKeyLoadsOnceAndEachTransactionLoadsAgain() {
        registry.begin();
        assertEquals("value 1", cache.get("party/1", this::load));
        assertEquals("value 1", cache.get("party/1", this::load));
        assertEquals("value 2", cache.get("party/2", this::load));
        registry.end();
        registry.begin();
        assertEquals("value 3", cache.get("party/1", this::load));
    }

    @Test
    void aWriteMakesTheTransactionReadAgain() {
        registry.begin();
        cache.get("party/1", this::load);
        cache.forget();
        assertEquals("value 2", cache.get("party/1", this::load));
    }

    @Test
    void nothingFoundIsNotKept() {
        registry.begin();
        assertNull(cache.get("party/9", () -> {
            loads.incrementAndGet();
            return null;
        }));
        assertEquals("value 2", cache.get("party/9", this::load));
    }

    @Test
    void aTransactionMarkedForRollbackKeepsNothing() {
        registry.begin();
        registry.status = Status.STATUS_MARKED_ROLLBACK;
        cache.get("party/1", this::load);
        assertEquals("value 2", cache.get("party/1", this::load));
    }
}
