/**
 * The CRM module's API: leads, opportunities on a configurable pipeline, activities, campaigns,
 * sales teams with targets, after-sales cases, and the reports read by sales managers.
 */
@Export
@Version("1.0.0")
package io.kovan.crm.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
