/** Companies: parties that own books. */
@Export
@Version("1.0.0")
package io.kovan.kernel.api.company;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
