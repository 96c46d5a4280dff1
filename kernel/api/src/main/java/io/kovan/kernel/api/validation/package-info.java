/** Validation rules shared by modules (Turkish tax numbers). */
@Export
@Version("1.0.0")
package io.kovan.kernel.api.validation;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
