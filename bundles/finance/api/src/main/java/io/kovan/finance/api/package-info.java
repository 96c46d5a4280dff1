/**
 * The finance module's API: the chart of accounts, journal entries in fiscal periods, posting
 * rules, customer and supplier invoices, collections and payments with their allocations, the
 * customer's credit exposure, and the financial reports. Amounts are {@code BigDecimal} at the
 * currency's decimals; base amounts are in the company currency.
 */
@Export
@Version("1.1.0")
package io.kovan.finance.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
