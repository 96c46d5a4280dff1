/** Kernel services every module uses: transactions, paging, and the exceptions REST maps to problem responses. */
@Export
@Version("1.1.0")
package io.kovan.kernel.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
