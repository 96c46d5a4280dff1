package io.kovan.inventory.api;

import org.osgi.annotation.versioning.ProviderType;

import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;

/**
 * Warehouses and their nested locations. A location that has held stock is deactivated, never deleted.
 * <p>
 * Location list filters: {@code warehouse}, {@code parent}, {@code active}; {@code q} searches code, name and path.
 *
 * @since 1.0
 */
@ProviderType
public interface WarehouseService {

    WarehouseDTO create(WarehouseDTO warehouse);

    WarehouseDTO update(long id, WarehouseDTO warehouse);

    WarehouseDTO get(long id);

    /** By id or code. */
    WarehouseDTO find(String idOrCode);

    Page<WarehouseDTO> list(PageRequest request);

    LocationDTO createLocation(LocationDTO location);

    LocationDTO updateLocation(long id, LocationDTO location);

    LocationDTO location(long id);

    Page<LocationDTO> locations(PageRequest request);
}
