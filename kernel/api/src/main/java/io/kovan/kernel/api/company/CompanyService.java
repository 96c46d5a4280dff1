package io.kovan.kernel.api.company;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Companies. One is created at first start from configuration ({@code io.kovan.core}:
 * {@code company.name}, {@code company.taxNumber}, {@code company.currency}).
 *
 * @since 1.0
 */
@ProviderType
public interface CompanyService {

    List<CompanyDTO> list();

    CompanyDTO get(long id);

    /** The company documents belong to when none is named: the first one created. */
    CompanyDTO defaultCompany();

    /** Makes an existing organisation party a company keeping books in {@code baseCurrency}. */
    CompanyDTO create(long partyId, String baseCurrency);
}
