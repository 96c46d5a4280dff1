package io.kovan.inventory.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A module's expected supply and demand, which available-to-promise and the replenishment list
 * count. Register an implementation as an OSGi service; inventory asks every registered one, and
 * removing the module removes its quantities at once. Quantities already reserved must not be
 * reported as demand again.
 *
 * @since 1.0
 */
@ConsumerType
public interface SupplyDemandProvider {

    /** Goods expected in for the product; {@code warehouseId} null asks for every warehouse. */
    List<ExpectedQuantityDTO> supply(long productId, Long warehouseId);

    /** Goods expected out for the product, not yet reserved. */
    List<ExpectedQuantityDTO> demand(long productId, Long warehouseId);
}
