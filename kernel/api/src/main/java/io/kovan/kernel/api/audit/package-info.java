/** The audit trail: who changed what, when, in a hash chain that shows any tampering. */
@Export
@Version("1.0.0")
package io.kovan.kernel.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
