/**
 * Workflow: the states and transitions of a document type, extended by any bundle with guards
 * and actions registered as whiteboard services.
 */
@Export
@Version("1.0.0")
package io.kovan.kernel.api.workflow;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
