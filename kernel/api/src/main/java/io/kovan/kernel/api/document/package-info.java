/** Document flow: which business document came from which, across modules. */
@Export
@Version("1.0.0")
package io.kovan.kernel.api.document;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
