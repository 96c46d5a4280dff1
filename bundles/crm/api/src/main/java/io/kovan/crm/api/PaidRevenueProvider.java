package io.kovan.crm.api;

import java.math.BigDecimal;
import java.util.Collection;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Implemented by a module that knows what customers paid (finance): the campaign report then
 * counts a campaign's return from paid invoices instead of won opportunities. Register one as an
 * OSGi service; the CRM picks it up, and drops it, at run time.
 *
 * @since 1.0
 */
@ConsumerType
public interface PaidRevenueProvider {

    /**
     * What was paid of the invoices that came, through the document flow, from these
     * opportunities, in {@code currency} (the company currency).
     */
    BigDecimal paidRevenue(Collection<Long> opportunityIds, String currency);
}
