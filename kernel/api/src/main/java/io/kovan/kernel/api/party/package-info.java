/** Parties: customers, suppliers, prospects, employees and partners, shared by every module. */
@Export
@Version("1.0.0")
package io.kovan.kernel.api.party;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
