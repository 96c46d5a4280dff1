/** Helpers for a module's persistence unit: paged, filtered and sorted list queries, IN lists that keep their plans, money as stored, constraint violations as conflicts. */
@Export
@Version("1.2.0")
package io.kovan.kernel.api.persistence;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
