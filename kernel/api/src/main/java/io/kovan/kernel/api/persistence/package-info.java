/** Helpers for a module's persistence unit: paged, filtered and sorted list queries, IN lists that keep their plans, money as stored, constraint violations as conflicts, master data kept in memory. */
@Export
@Version("1.3.0")
package io.kovan.kernel.api.persistence;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
