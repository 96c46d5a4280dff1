/** Webhooks: domain events pushed to other systems over HTTP, signed, retried and kept in order per record. */
@Export
@Version("1.0.0")
package io.kovan.kernel.api.webhook;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
