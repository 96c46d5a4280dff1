/** Domain events: what happened, told inside the transaction and, once it commits, to the rest of the system. */
@Export
@Version("1.0.0")
package io.kovan.kernel.api.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
