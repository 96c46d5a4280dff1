package io.kovan.kernel.api.product;

import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The product catalogue.
 * <p>
 * List filters: {@code type}, {@code category}, {@code active}, {@code barcode}; {@code q} searches
 * code, name and barcode. Sort fields: {@code code}, {@code name}, {@code salesPrice}.
 *
 * @since 1.0
 */
@ProviderType
public interface ProductService {

    ProductDTO create(ProductDTO product);

    ProductDTO update(long id, ProductDTO product);

    ProductDTO get(long id);

    /** Finds by id or by code. */
    ProductDTO find(String idOrCode);

    /**
     * The products with these ids, by id, read at once (a thousand-line document asks once, not a
     * thousand times); ids of no product are left out of the map.
     *
     * @since 1.1
     */
    java.util.Map<Long, ProductDTO> getAll(java.util.Collection<Long> ids);

    Page<ProductDTO> list(PageRequest request);

    void delete(long id);
}
