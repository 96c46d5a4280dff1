/**
 * The inventory module's API: warehouses and locations, the stock ledger, reservations,
 * available-to-promise, valuation, receipts, transfers, counts, reorder rules and reports.
 * <p>
 * Other modules (sales, purchasing, production) call {@link io.kovan.inventory.api.ReservationService},
 * {@link io.kovan.inventory.api.StockMoveService} and {@link io.kovan.inventory.api.StockService}
 * through optional, dynamic references, and publish what they expect to receive or ship by
 * registering a {@link io.kovan.inventory.api.SupplyDemandProvider}.
 */
@Export
@Version("1.2.0")
package io.kovan.inventory.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
