package io.kovan.crm.api;

import org.osgi.annotation.versioning.ProviderType;

import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;

/**
 * After-sales cases, moved by the {@code crm.case} workflow. List filters: {@code state},
 * {@code priority}, {@code party}, {@code owner}, {@code breached}, {@code open}.
 *
 * @since 1.0
 */
@ProviderType
public interface CaseService {

    String DOCUMENT_TYPE = "crm.case";

    CaseDTO create(CaseDTO supportCase);

    CaseDTO update(long id, CaseDTO supportCase);

    CaseDTO get(long id);

    Page<CaseDTO> list(PageRequest request);

    CaseDTO transition(long id, CaseTransitionDTO transition);
}
