/** ISO 4217 currencies, dated exchange rates and conversion. */
@Export
@Version("1.0.0")
package io.kovan.kernel.api.currency;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
