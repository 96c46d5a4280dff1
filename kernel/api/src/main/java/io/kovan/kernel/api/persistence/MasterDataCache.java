package io.kovan.kernel.api.persistence;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Master data kept in memory across transactions, and still never stale: a document reads the same
 * products, parties, currencies, companies and warehouses in every request, and each read was a
 * statement or four.
 * <p>
 * Data is kept per <em>region</em> (a module's kind of record, {@code <module>.<entity>}). Every
 * transaction that writes a region's records calls {@link #changed(String)} in that transaction,
 * before its first write: from then on it reads that region from the database (so it sees its own
 * writes), this node keeps nothing of the region until it has ended, and then every node forgets what
 * it kept of the region. Other nodes on the same database learn
 * of the change from a counter the write raised in its transaction, which a node reads once per
 * transaction before it answers from memory; so a transaction never reads a value older than the
 * last change committed before it first asked.
 * <p>
 * A loader must read committed rows, not what the caller's persistence context already holds (an
 * entity read earlier in the transaction may be older than the last commit): read with the hint
 * {@link #REFRESH_HINT}, or by a query that does not return managed entities. Keep only values a
 * transaction may not lock or change: a figure that a concurrent write must serialise with (stock,
 * balances, a period's state) is read from the database.
 *
 * @since 1.3
 */
@ProviderType
public interface MasterDataCache {

    /** The query hint (value {@code "true"}) with which a loader reads committed rows, not entities its transaction read before. */
    String REFRESH_HINT = "eclipselink.refresh";

    /** {@link #REFRESH_HINT} as the properties of {@code EntityManager.find}. */
    java.util.Map<String, Object> REFRESHED = java.util.Map.of(REFRESH_HINT, "true");

    /**
     * The value kept under {@code key} in {@code region}, else what {@code load} answers, kept
     * unless it is null (an unknown record is asked again).
     *
     * @param region {@code <module>.<entity>}, e.g. {@code inventory.warehouse}
     */
    <T> T get(String region, Object key, Supplier<T> load);

    /**
     * The values kept under {@code keys}, and for the others what {@code load} answers for them (all
     * in one call), kept unless null.
     */
    <K, V> Map<K, V> getAll(String region, Collection<K> keys, Function<Collection<K>, Map<K, V>> load);

    /**
     * Records that the current transaction writes records of {@code region}: call it in that
     * transaction before its first write of them; once or at every write.
     *
     * @throws IllegalStateException when no transaction is active
     */
    void changed(String region);
}
