package io.kovan.kernel.impl.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.sql.DataSource;
import javax.transaction.Status;
import javax.transaction.Synchronization;
import javax.transaction.TransactionSynchronizationRegistry;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.kernel.api.persistence.MasterDataCache;
import io.kovan.kernel.impl.module.SchemaReady;

/**
 * {@link MasterDataCache} in this JVM's memory. Each region keeps its values in a generation; a
 * change replaces the generation, so a value loaded before the change was committed lands in the
 * generation that was dropped, never in the one readers use next.
 * <p>
 * Other nodes: each region hashes to one of {@link #SLOTS} counters in KV_CACHE_SIGNAL. A writing
 * transaction raises its region's counter; a reading transaction reads the counters once, before it
 * first answers from memory, and drops every region whose counter is not the one its values were
 * loaded under. Embedded Derby has one node by construction, so there the counters are neither
 * raised nor read.
 */
@Component(service = MasterDataCache.class)
public class MasterDataCacheImpl implements MasterDataCache {

    /** Counters in KV_CACHE_SIGNAL (core-014); regions sharing one only drop each other's values more often. */
    static final int SLOTS = 64;

    /** The counters of the regions: raised by a writing transaction, read by a reading one. */
    interface Signals {

        /** Whether other nodes may write the same database. */
        boolean shared();

        /** Every slot's counter, as committed. */
        long[] read();

        /** Raises the slot's counter in the current transaction. */
        void raise(int slot);
    }

    /** The values loaded while the region's counter was {@code version} (-1: not known). */
    private record Generation(long version, ConcurrentMap<Object, Object> values) {
        Generation(long version) {
            this(version, new ConcurrentHashMap<>());
        }
    }

    private static final class Region {
        final int slot;
        final AtomicReference<Generation> current;
        /** Transactions of this node that write the region and have not ended. */
        final AtomicInteger writers = new AtomicInteger();

        /** {@code counters}: the last ones read, if any; whatever is loaded from now on is at least that recent. */
        Region(String name, long[] counters) {
            this.slot = Math.floorMod(name.hashCode(), SLOTS);
            this.current = new AtomicReference<>(new Generation(counters == null ? -1 : counters[slot]));
        }

        void drop() {
            current.set(new Generation(-1));
        }
    }

    /** What one transaction knows: whether it has read the counters, and which regions it writes. */
    private static final class TransactionState {
        boolean validated;
        final Set<String> changed = new HashSet<>();
    }

    private final TransactionSynchronizationRegistry registry;
    private final Signals signals;
    private final ConcurrentMap<String, Region> regions = new ConcurrentHashMap<>();
    private volatile long[] lastCounters;

    @Activate
    public MasterDataCacheImpl(@Reference TransactionSynchronizationRegistry registry, @Reference SchemaReady schemaReady,
        @Reference(target = "(osgi.unit.name=kovan-core)") JpaTemplate jpa, @Reference(target = "(osgi.jndi.service.name=kovan)") DataSource dataSource) {
        this(registry, new DatabaseSignals(jpa, embeddedDerby(dataSource)));
    }

    MasterDataCacheImpl(TransactionSynchronizationRegistry registry, Signals signals) {
        this.registry = registry;
        this.signals = signals;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(String region, Object key, Supplier<T> load) {
        View view = view(region(region), region);
        if (view == null) {
            return load.get();
        }
        Object kept = view.generation().values().get(key);
        if (kept != null) {
            return (T) kept;
        }
        T loaded = load.get();
        if (loaded != null && view.keep()) {
            view.generation().values().putIfAbsent(key, loaded);
        }
        return loaded;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> Map<K, V> getAll(String region, Collection<K> keys, Function<Collection<K>, Map<K, V>> load) {
        View view = view(region(region), region);
        Generation g = view == null ? null : view.generation();
        Map<K, V> found = new HashMap<>();
        List<K> missing = new ArrayList<>();
        for (K key : new LinkedHashSet<>(keys)) {
            Object kept = g == null ? null : g.values().get(key);
            if (kept != null) {
                found.put(key, (V) kept);
            } else {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            Map<K, V> loaded = load.apply(missing);
            found.putAll(loaded);
            if (g != null && view.keep()) {
                loaded.forEach((k, v) -> {
                    if (v != null) {
                        g.values().putIfAbsent(k, v);
                    }
                });
            }
        }
        return found;
    }

    /** The generation to answer from, taken before anything is loaded, and whether what is loaded may be kept in it. */
    private record View(Generation generation, boolean keep) {
    }

    /**
     * Null when the database must answer: this transaction writes the region (it must see its own
     * writes), or some transaction of this node is writing it (between that one's commit and its end,
     * what is kept may be older than the commit). A transaction marked for rollback answers from what is
     * kept, without reading the counters, and keeps nothing it loads.
     */
    private View view(Region r, String region) {
        TransactionState tx = transaction();
        if (tx != null && tx.changed.contains(region)) {
            return null;
        }
        boolean doomed = tx != null && registry.getTransactionStatus() != Status.STATUS_ACTIVE;
        if (!doomed && (tx == null || !tx.validated)) {
            validate();
            if (tx != null) {
                tx.validated = true;
            }
        }
        Generation g = r.current.get();
        return r.writers.get() > 0 ? null : new View(g, !doomed);
    }

    @Override
    public void changed(String region) {
        TransactionState tx = transaction();
        if (tx == null) {
            throw new IllegalStateException("a change of " + region + " must be recorded in its transaction");
        }
        if (!tx.changed.add(region)) {
            return;
        }
        Region r = region(region);
        r.writers.incrementAndGet();
        try {
            if (signals.shared()) {
                signals.raise(r.slot);
            }
            r.drop();
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    // Committed or not: what other transactions loaded meanwhile may be the old values.
                    r.drop();
                    r.writers.decrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            r.writers.decrementAndGet();
            throw e;
        }
    }

    private Region region(String name) {
        return regions.computeIfAbsent(name, n -> new Region(n, lastCounters));
    }

    private void validate() {
        if (!signals.shared()) {
            return;
        }
        long[] versions = signals.read();
        lastCounters = versions;
        for (Region r : regions.values()) {
            Generation g = r.current.get();
            if (g.version() != versions[r.slot]) {
                r.current.compareAndSet(g, new Generation(versions[r.slot]));
            }
        }
    }

    /** The current transaction's state, also when it is marked for rollback; null outside a transaction. */
    private TransactionState transaction() {
        if (registry.getTransactionKey() == null) {
            return null;
        }
        TransactionState state = (TransactionState) registry.getResource(TransactionState.class);
        if (state == null) {
            state = new TransactionState();
            registry.putResource(TransactionState.class, state);
        }
        return state;
    }

    private static boolean embeddedDerby(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String url = String.valueOf(c.getMetaData().getURL()).toLowerCase(Locale.ROOT);
            return url.startsWith("jdbc:derby:") && !url.startsWith("jdbc:derby://");
        } catch (SQLException e) {
            // Unknown: assume other nodes, which is only slower.
            return false;
        }
    }

    /** The counters in KV_CACHE_SIGNAL, through the kernel's persistence unit. */
    private record DatabaseSignals(JpaTemplate jpa, boolean embeddedDerby) implements Signals {

        @Override
        public boolean shared() {
            return !embeddedDerby;
        }

        @Override
        public long[] read() {
            long[] versions = new long[SLOTS];
            List<?> rows = jpa.txExpr(TransactionType.Supports, em -> em.createNativeQuery("SELECT SLOT, VERSION FROM KV_CACHE_SIGNAL").getResultList());
            for (Object row : rows) {
                Object[] r = (Object[]) row;
                versions[((Number) r[0]).intValue()] = ((Number) r[1]).longValue();
            }
            return versions;
        }

        @Override
        public void raise(int slot) {
            // Over the transaction's connection: a native query would flush the kernel's persistence context first.
            jpa.tx(TransactionType.Mandatory, em -> {
                try (PreparedStatement raise = em.unwrap(Connection.class).prepareStatement("UPDATE KV_CACHE_SIGNAL SET VERSION = VERSION + 1 WHERE SLOT = ?")) {
                    raise.setInt(1, slot);
                    raise.executeUpdate();
                } catch (SQLException e) {
                    throw new javax.persistence.PersistenceException(e);
                }
            });
        }
    }
}
