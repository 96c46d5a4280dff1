package io.kovan.finance.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A customer's credit exposure. Finance also hands the receivables part to sales' order credit
 * check when both are installed.
 *
 * @since 1.0
 */
@ProviderType
public interface CreditExposureService {

    CreditExposureDTO exposure(long partyId);
}
