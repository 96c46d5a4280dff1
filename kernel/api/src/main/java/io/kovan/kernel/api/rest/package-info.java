/** Conventions a module's REST application follows to get the kernel's JSON, error and authentication extensions. */
@Export
@Version("1.2.0")
package io.kovan.kernel.api.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
