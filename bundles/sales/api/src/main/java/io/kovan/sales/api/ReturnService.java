package io.kovan.sales.api;

import org.osgi.annotation.versioning.ProviderType;

import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;

/**
 * Customer returns of shipped goods, received when posted. List filters: {@code customer},
 * {@code shipment}.
 *
 * @since 1.0
 */
@ProviderType
public interface ReturnService {

    String DOCUMENT_TYPE = "sales.return";

    ReturnDTO create(ReturnDTO salesReturn);

    ReturnDTO get(long id);

    Page<ReturnDTO> list(PageRequest request);
}
