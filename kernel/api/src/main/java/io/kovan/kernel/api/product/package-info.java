/** The product catalogue shared by sales, inventory, purchasing and finance. */
@Export
@Version("1.1.0")
package io.kovan.kernel.api.product;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
