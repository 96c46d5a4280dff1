/** Units of measure and conversions between them. */
@Export
@Version("1.0.0")
package io.kovan.kernel.api.unit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
