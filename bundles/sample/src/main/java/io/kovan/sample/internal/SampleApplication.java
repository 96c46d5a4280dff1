package io.kovan.sample.internal;

import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import io.kovan.kernel.api.rest.KovanRest;

/** The module's own application under {@code /api/sample}: its coming and going leaves the others alone. */
@Component(service = Application.class, property = KovanRest.APPLICATION_PROPERTY + "=true")
@JaxrsApplicationBase("api/sample")
@JaxrsName("kovan.sample")
public class SampleApplication extends Application {
}
