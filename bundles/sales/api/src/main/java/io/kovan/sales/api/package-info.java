/**
 * The sales module's API: price lists and customer price groups, quotes with availability,
 * promised date and margin, orders with credit check and stock reservation, shipments, returns,
 * the sales reports, and {@link io.kovan.sales.api.CreditExposureProvider}, which finance implements.
 */
@Export
@Version("1.1.0")
package io.kovan.sales.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
