/** Who is calling, and what the roles they hold permit: for checks finer than the REST path's read/write. */
@Export
@Version("1.0.0")
package io.kovan.kernel.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
