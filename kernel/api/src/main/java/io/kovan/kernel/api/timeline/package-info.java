/** A party's timeline: what every installed module recorded about a customer or supplier, newest first. */
@Export
@Version("1.0.0")
package io.kovan.kernel.api.timeline;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
