/** The sample module's API: notes, optionally about a party. */
@Export
@Version("1.0.0")
package io.kovan.sample.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
