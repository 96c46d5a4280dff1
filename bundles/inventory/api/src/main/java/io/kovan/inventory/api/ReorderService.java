package io.kovan.inventory.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;

/**
 * Min/max reorder rules, one per product and warehouse, and the replenishment list they give.
 * List filters: {@code product}, {@code warehouse}.
 *
 * @since 1.0
 */
@ProviderType
public interface ReorderService {

    ReorderRuleDTO create(ReorderRuleDTO rule);

    ReorderRuleDTO update(long id, ReorderRuleDTO rule);

    ReorderRuleDTO get(long id);

    void delete(long id);

    Page<ReorderRuleDTO> list(PageRequest request);

    /** Every rule whose projected stock is below its minimum, with the quantity to order; {@code warehouseId} null for all. */
    List<ReplenishmentDTO> suggestions(Long warehouseId);
}
