package io.kovan.inventory.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.osgi.annotation.versioning.ProviderType;

import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;

/**
 * Stock levels, availability and cost, all derived from the ledger.
 * <p>
 * {@link #levels} filters: {@code product}, {@code warehouse}, {@code location}, {@code lot},
 * {@code by} ({@code warehouse} (default), {@code location} or {@code lot}), {@code nonZero}.
 *
 * @since 1.0
 */
@ProviderType
public interface StockService {

    Page<StockLevelDTO> levels(PageRequest request);

    /** On hand less reserved in a warehouse; zero for a product never stocked there. */
    BigDecimal available(long productId, long warehouseId);

    /** Available-to-promise; {@code warehouseId} null means every warehouse, {@code date} null means today. */
    AtpDTO atp(long productId, Long warehouseId, BigDecimal quantity, LocalDate date);

    /** What the next unit issued would cost, in the company currency: the average cost, or the oldest layer's cost under FIFO; null when never received. */
    BigDecimal unitCost(long productId);

    /** The warehouse documents use when they name none. */
    WarehouseDTO defaultWarehouse();

    /** Whether inventory keeps stock of this product (STOCKED products); services and consumables are never reserved or issued. */
    boolean isStocked(long productId);

    /** The product's inventory settings and valuation. */
    StockProductDTO product(long productId);

    /** Sets tracking and costing; refused (409) while the product has stock on hand. */
    StockProductDTO updateProduct(long productId, StockProductDTO settings);

    /**
     * Recomputes every balance from the ledger and compares it with what is kept, and checks
     * that nothing reserved exceeds on-hand; returns the differences found (none in a sound database).
     */
    java.util.List<String> verify();
}
