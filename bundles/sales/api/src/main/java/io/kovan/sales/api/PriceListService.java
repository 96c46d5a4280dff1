package io.kovan.sales.api;

import org.osgi.annotation.versioning.ProviderType;

import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;

/**
 * Price lists. List filters: {@code currency}, {@code customerGroup}; {@code q} searches code and name.
 *
 * @since 1.0
 */
@ProviderType
public interface PriceListService {

    PriceListDTO create(PriceListDTO priceList);

    PriceListDTO update(long id, PriceListDTO priceList);

    PriceListDTO get(long id);

    Page<PriceListDTO> list(PageRequest request);

    void delete(long id);
}
