/** Gapless, human-readable document numbers per named series and year. */
@Export
@Version("1.0.0")
package io.kovan.kernel.api.numbering;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
