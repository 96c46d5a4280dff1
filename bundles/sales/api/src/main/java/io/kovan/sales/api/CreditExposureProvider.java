package io.kovan.sales.api;

import java.math.BigDecimal;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Implemented by a module that knows what customers owe (finance): the order credit check adds
 * these receivables to the customer's open orders. Register one as an OSGi service; sales picks it
 * up, and drops it, at run time. Without one, only open orders count.
 *
 * @since 1.0
 */
@ConsumerType
public interface CreditExposureProvider {

    /** What the party owes now, in {@code currency} (the company currency). */
    BigDecimal receivables(long partyId, String currency);
}
